// `npx drizzle-kit generate` (from packages/store) writes the migrations of src/schema.ts into drizzle/.
// The same SQL files are applied at start on PGlite and PostgreSQL (src/migrate.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
});
