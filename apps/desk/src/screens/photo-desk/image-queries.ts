/**
 * The photo desk's part of the query cache: the image list and single images,
 * filed under `images`, which the stream's `image.processed` and
 * `image.updated` make stale.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import * as api from '../../api/photo-desk';
import type { Image, ImageFilter, ImageUpdate } from '../../api/photo-desk';

export const imageKeys = {
  all: queryKeys.images,
  list: (filter: ImageFilter) => [...queryKeys.images, 'list', filter] as const,
  one: queryKeys.image,
};

export function useImages(filter: ImageFilter) {
  return useQuery({
    queryKey: imageKeys.list(filter),
    queryFn: () => api.fetchImages(filter),
    placeholderData: keepPreviousData,
  });
}

export function useImage(id: string | null) {
  return useQuery({
    queryKey: imageKeys.one(id ?? ''),
    queryFn: () => api.fetchImage(id ?? ''),
    enabled: id !== null,
  });
}

/**
 * Saves alt text, caption, credit or focal point. The cached image takes the
 * change at once (the crops follow the focal point without waiting), and is
 * put back if the API refuses it.
 */
export function useUpdateImage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ImageUpdate) => api.updateImage(id, change),
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: imageKeys.one(id) });
      const before = queryClient.getQueryData<Image>(imageKeys.one(id));
      if (before) queryClient.setQueryData<Image>(imageKeys.one(id), { ...before, ...change });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(imageKeys.one(id), context.before);
    },
    onSuccess: (image) => queryClient.setQueryData(imageKeys.one(id), image),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['images', 'list'] }),
  });
}
