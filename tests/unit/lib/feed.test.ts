import { describe, expect, it } from 'vitest';
import { newest } from '../../../src/lib/feed.ts';

const item = (title: string, date: string) => ({ title, date: new Date(date) });

describe('the feed’s choice of items', () => {
  it('takes the newest first, and keeps the edition’s order among items of the same date', () => {
    const items = [item('Zapad', '2021-09-10'), item('Minsk', '2022-02-24'), item('Astravets', '2021-09-10'), item('Kaliningrad', '2021-09-10')];
    expect(newest(items, 3).map((chosen) => chosen.title)).toEqual(['Minsk', 'Zapad', 'Astravets']);
    expect(newest(items, 10)).toHaveLength(4);
    expect(items.map((chosen) => chosen.title)).toEqual(['Zapad', 'Minsk', 'Astravets', 'Kaliningrad']);
  });
});
