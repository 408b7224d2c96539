export async function seedDemo(_config: unknown): Promise<void> {}
