import { Module } from '@nestjs/common';
import { DirectUploadService } from './direct-upload.service';
import { ImageProcessingService } from './image-processing.service';
import { ImageRenderer } from './image-renderer';
import { ImageUploadService } from './image-upload.service';
import { ImagesService } from './images.service';
import { ObjectStorage } from './object-storage';
import { UploadSweeper } from './upload-sweeper';

/** Images: upload, processing (sharp), editing, S3. Needs the database and messaging modules. */
@Module({
  providers: [
    ObjectStorage,
    ImageRenderer,
    ImageProcessingService,
    ImageUploadService,
    DirectUploadService,
    ImagesService,
    UploadSweeper,
  ],
  exports: [
    ObjectStorage,
    ImageRenderer,
    ImageProcessingService,
    ImageUploadService,
    DirectUploadService,
    ImagesService,
    UploadSweeper,
  ],
})
export class MediaModule {}
