import { EventName, STREAMED_EVENTS } from '@newsdesk/messaging';
import { DESK_EVENT_AUDIENCE, deskEventData, deskEventsVisibleTo } from './desk-events';

describe('the desk events and who sees them', () => {
  it('names an audience for exactly the events the registry streams to the desk', () => {
    expect(Object.keys(DESK_EVENT_AUDIENCE).sort()).toEqual([...STREAMED_EVENTS].sort());
  });

  it('gives the newsroom the stories, the photo desk the pictures, and ops and admins both', () => {
    const story = [
      'comment.added',
      'comment.resolved',
      'delivery.progressed',
      'lock.released',
      'lock.taken',
      'story.assigned',
      'story.changed',
      'story.checked',
      'story.saved',
    ];
    const images = ['image.processed', 'image.updated'];
    const seen = (...roles: Parameters<typeof deskEventsVisibleTo>[0]) =>
      [...deskEventsVisibleTo(roles)].sort();
    expect(seen('reviewer')).toEqual(story);
    expect(seen('photo_desk')).toEqual(images);
    expect(seen('editor')).toEqual([...images, ...story].sort());
    expect(seen('ops')).toEqual([...images, ...story].sort());
    expect(seen('admin')).toEqual([...images, ...story].sort());
    expect(seen('photo_desk', 'reviewer')).toEqual([...images, ...story].sort());
    expect(seen()).toEqual([]);
  });

  it('puts the event id and time before the payload, on one line', () => {
    const data = deskEventData({
      id: 'e1',
      name: EventName.CommentAdded,
      occurredAt: '2026-11-30T10:00:00.000Z',
      payload: { articleId: 'a', commentId: 'c', parentId: null, byId: 'u' },
      requestId: 'r',
    });
    expect(data).not.toContain('\n');
    expect(JSON.parse(data)).toEqual({
      eventId: 'e1',
      occurredAt: '2026-11-30T10:00:00.000Z',
      articleId: 'a',
      commentId: 'c',
      parentId: null,
      byId: 'u',
    });
  });
});
