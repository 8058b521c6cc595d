/** Stand-in for the `astro:content` virtual module when content.config.ts runs under Vitest. */
export function defineCollection<T>(config: T): T {
  return config;
}
