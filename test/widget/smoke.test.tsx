import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';

describe('widget DOM environment', () => {
  it('renders Preact components into a DOM', () => {
    render(<p>hello</p>);
    expect(screen.getByText('hello')).toBeTruthy();
  });
});
