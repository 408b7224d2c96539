import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, type ReactNode } from 'react';
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

/**
 * The desk's routes, below `/desk`. Each screen lives in `screens/<screen>/`;
 * the review, photo desk, ops and admin screens get their routes when they are built.
 */
// Screens for some roles only load when first opened, keeping the first visit small.
const PhotoDesk = lazy(() => import('./screens/photo-desk/photo-desk'));
const Ops = lazy(() => import('./screens/ops/ops'));
const Admin = lazy(() => import('./screens/admin/admin'));
const later = (screen: ReactNode) => <Suspense fallback={<Loading />}>{screen}</Suspense>;

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
      { path: 'stories/:id', element: <StoryScreen /> },
      { path: 'photos', element: later(<PhotoDesk />) },
      { path: 'ops', element: later(<Ops />) },
      { path: 'admin', element: later(<Admin />) },
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
