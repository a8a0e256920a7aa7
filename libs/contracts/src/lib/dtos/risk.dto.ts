// Request schemas and response types for the risk feature.
export {};
