/**
 * The story generation counter (migration 0210), added to the shared `Database` by module
 * augmentation: one row (id 1) incremented by every analysis write transaction.
 */
export interface StoryGenerationTable {
  id: number
  generation: number
}

declare module '../../db/schema.js' {
  interface Database {
    story_generation: StoryGenerationTable
  }
}
