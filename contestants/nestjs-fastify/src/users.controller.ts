import { Controller, Get, NotFoundException, Param, ParseIntPipe } from '@nestjs/common';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Controller('api/users')
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  // ParseIntPipe answers a non-integer id with Nest's own 400 JSON error.
  @Get(':id')
  async findOne(@Param('id', ParseIntPipe) id: number): Promise<User> {
    const user = await this.usersService.findOne(id);
    if (user === null) throw new NotFoundException({ error: 'User not found' });
    return user;
  }
}
