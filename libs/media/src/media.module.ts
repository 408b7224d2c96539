import { Module } from '@nestjs/common';
import { ImageProcessingService } from './image-processing.service';
import { ImageRenderer } from './image-renderer';
import { ImageUploadService } from './image-upload.service';
import { ImagesService } from './images.service';
import { ObjectStorage } from './object-storage';

/** Images: upload, processing (sharp), editing, S3. Needs the database and messaging modules. */
@Module({
  providers: [
    ObjectStorage,
    ImageRenderer,
    ImageProcessingService,
    ImageUploadService,
    ImagesService,
  ],
  exports: [
    ObjectStorage,
    ImageRenderer,
    ImageProcessingService,
    ImageUploadService,
    ImagesService,
  ],
})
export class MediaModule {}
