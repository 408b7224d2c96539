import { Module } from '@nestjs/common';
import { ImageProcessingService } from './image-processing.service';
import { ObjectStorage } from './object-storage';

@Module({
  providers: [ObjectStorage, ImageProcessingService],
  exports: [ObjectStorage, ImageProcessingService],
})
export class MediaModule {}
