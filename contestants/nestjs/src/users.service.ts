import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity.js';

// users.id is a PostgreSQL integer: a larger id cannot exist, and sending it would make the
// query fail ("out of range for type integer") instead of finding nothing.
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** The user with this id, or null; one SELECT, none for an id outside PostgreSQL's integer. */
  async findOne(id: number): Promise<User | null> {
    if (id < INT32_MIN || id > INT32_MAX) return null;
    return this.users.findOneBy({ id });
  }
}
