import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/queries';
import { Shell } from './layout/shell';
import { Loading } from './layout/status';
import { NotFound } from './screens/not-found/not-found';
import { SignIn } from './screens/sign-in/sign-in';
import { StoriesList } from './screens/stories/stories-list';
import { StoryScreen } from './screens/stories/story-view';
import { RequireSession } from './session/require-session';

// Screens beyond the first visit load when they are opened.
const EditorScreen = lazy(() =>
  import('./screens/editor/editor').then((m) => ({ default: m.EditorScreen })),
);
const ReviewScreen = lazy(() =>
  import('./screens/review/review-screen').then((m) => ({ default: m.ReviewScreen })),
);
const PublishScreen = lazy(() =>
  import('./screens/publish/publish-screen').then((m) => ({ default: m.PublishScreen })),
);
const PreviewScreen = lazy(() =>
  import('./screens/publish/preview-screen').then((m) => ({ default: m.PreviewScreen })),
);
const HistoryScreen = lazy(() =>
  import('./screens/history/history-screen').then((m) => ({ default: m.HistoryScreen })),
);
const PhotoDesk = lazy(() => import('./screens/photo-desk/photo-desk'));
const Ops = lazy(() => import('./screens/ops/ops'));
const Admin = lazy(() => import('./screens/admin/admin'));
const later = (Screen: ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Screen />
  </Suspense>
);

/** The desk's routes, below `/desk`. Each screen lives in `screens/<screen>/`. */

const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignIn /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <Shell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/stories" replace /> },
      { path: 'stories', element: <StoriesList /> },
      { path: 'stories/new', element: later(EditorScreen) },
      { path: 'stories/:id', element: <StoryScreen /> },
      { path: 'stories/:id/edit', element: later(EditorScreen) },
      { path: 'stories/:id/review', element: later(ReviewScreen) },
      { path: 'stories/:id/publish', element: later(PublishScreen) },
      { path: 'stories/:id/preview', element: later(PreviewScreen) },
      { path: 'stories/:id/history', element: later(HistoryScreen) },
      { path: 'photos', element: later(PhotoDesk) },
      { path: 'ops', element: later(Ops) },
      { path: 'admin', element: later(Admin) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const queryClient = createQueryClient();
const router = createBrowserRouter(routes, { basename: '/desk' });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
