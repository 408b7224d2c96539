export * from './image.entity';
export * from './public-image';
export * from './object-storage';
export * from './image-processing.service';
export * from './media.module';
