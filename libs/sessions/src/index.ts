export * from './principal';
export * from './session.entity';
export * from './api-token.entity';
export * from './login-throttle';
export * from './api-tokens.service';
export * from './sessions.service';
export * from './users.service';
export * from './sessions.module';
