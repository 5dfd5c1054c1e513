import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiController } from './api.controller.js';
import { BroadcastGateway } from './broadcast.gateway.js';
import { User } from './user.entity.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DB_URL,
      // One node-postgres pool per process.
      poolSize: Number(process.env.DB_POOL ?? 10),
      entities: [User],
      synchronize: false,
    }),
    TypeOrmModule.forFeature([User]),
  ],
  controllers: [ApiController, UsersController],
  providers: [UsersService, BroadcastGateway],
})
export class AppModule {}
