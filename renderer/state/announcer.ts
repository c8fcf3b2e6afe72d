// A polite message for screen readers ("Account number copied"), read from one live region
// in the shell. Each message gets a new id so the same words twice are announced twice.
import { create } from 'zustand';

interface AnnouncerState {
  message: { id: number; text: string } | null;
  announce(text: string): void;
}

let id = 0;
export const useAnnouncer = create<AnnouncerState>()((set) => ({
  message: null,
  announce: (text) => set({ message: { id: ++id, text } }),
}));
