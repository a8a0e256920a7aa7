// Request schemas and response types for the work-plan feature.
export {};
