import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of the existing `users` table (docs/api.md); the app never creates or alters it. */
@Entity({ name: 'users', synchronize: false })
export class User {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;
}
