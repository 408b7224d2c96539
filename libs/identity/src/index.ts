export * from './role';
export * from './user.entity';
export * from './user.repository';
export * from './password';
export * from './auth.service';
export * from './admin-audit.entity';
export * from './admin-audit';
export * from './identity.module';
