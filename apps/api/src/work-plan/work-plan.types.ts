/** The signed-in person making a request, as the work-plan services need them. */
export interface Actor {
  userId: string;
  name: string;
}
