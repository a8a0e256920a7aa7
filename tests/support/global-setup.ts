export default async function globalSetup(): Promise<void> { /* filled in below */ }
