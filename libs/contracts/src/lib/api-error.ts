/** Every error the API answers with has this body. `fields` names each bad field of a request. */
export interface ApiFieldError {
  /** Path of the field, dotted: `memberOrganisations.2.name`. */
  field: string;
  message: string;
}

export interface ApiError {
  statusCode: number;
  /** A stable machine code: `validation_failed`, `not_found`, `forbidden`, `conflict`, … */
  code: string;
  message: string;
  fields?: ApiFieldError[];
  requestId?: string;
}
