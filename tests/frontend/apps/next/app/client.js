'use client';
// A client component: init() once in an effect, then a kit.
import { useEffect } from 'react';
import * as kit from 'handoff-kit';
import { direct, runAll } from '../../../shared/fixture.js';

export default function Client() {
  useEffect(() => {
    runAll({ direct: () => direct(kit) });
  }, []);
  return null;
}
