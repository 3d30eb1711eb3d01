//! The wasm build's memory allocator: small blocks come from per-size free lists in one arena,
//! everything else from dlmalloc over pages that come in growing steps (`Pages`).
//!
//! A check allocates and frees a few hundred small blocks (the parsed packet's keys, strings and
//! map nodes, the report's texts). dlmalloc spends most of its time on those splitting,
//! coalescing and binning chunks; here a small allocation is a pop from a list and a free is a
//! push, because Rust hands `dealloc` the layout, so no block needs a header. Measured on the
//! example packets (`bench/README.md`).
//!
//! Blocks of up to [`LARGEST`] bytes with an alignment of at most 8 are rounded up to a power
//! of two (a "class") and carved from one arena of [`ARENA`] bytes taken from the backing
//! allocator on first use. A freed block goes back to its class's list and is only reused for
//! that class. Once the arena is carved, further small blocks come from the backing allocator
//! and go back to it: a block's address tells which it is. So the free lists never hold more
//! than the arena: when they were carved from 64 KiB slabs without end, a large input's small
//! blocks stayed on their lists for good, and each class kept its own peak (the fuzz corpus
//! through npm left 108.7 MB of wasm memory; 48.8 MB without free lists at all). A failed
//! allocation returns null, so an out-of-memory ends the same way as with the backing allocator.
//!
//! Only the wasm build installs it: wasm32-unknown-unknown without the `atomics` feature runs
//! one thread, which is what lets [`Pools`] be used without a lock. Natively (its tests) the
//! pools sit over the system allocator.
//!
//! Pages: std's dlmalloc on wasm grows the memory by exactly what it lacks, 64 KiB at a time,
//! and V8 makes each `memory.grow` cost a new `ArrayBuffer` and often a garbage collection: the
//! first check of a 4 MiB packet grew the memory 3,000 times, ~0.6 s of its ~1.1 s through npm.
//! `Pages` grows by at least an eighth of the memory there is, so reaching 200 MB takes ~40
//! steps, and at most an eighth more memory is held than was asked for.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

/// The largest block, in bytes, served from the free lists.
pub const LARGEST: usize = 512;
/// Classes are 8, 16, 32, …, `LARGEST` bytes.
const CLASSES: usize = (LARGEST.trailing_zeros() - 3 + 1) as usize;
/// Bytes of the arena small blocks are carved from: a keystroke's check uses a few tens of KB.
pub const ARENA: usize = 4 << 20;

/// The free lists and the arena, over the allocator `B` serves the rest from. Not thread-safe:
/// see the module docs.
pub struct Pools<B = System> {
    /// The first free block of each class; a free block's first word points to the next one.
    free: [*mut u8; CLASSES],
    /// The arena, `start..end` (null until the first small block), carved up to `next`.
    start: *mut u8,
    next: *mut u8,
    end: *mut u8,
    backing: B,
}

impl Pools {
    pub const fn new() -> Pools {
        Pools::over(System)
    }
}

impl<B: GlobalAlloc> Pools<B> {
    /// Pools whose arena and other blocks come from `backing`.
    pub const fn over(backing: B) -> Pools<B> {
        Pools {
            free: [ptr::null_mut(); CLASSES],
            start: ptr::null_mut(),
            next: ptr::null_mut(),
            end: ptr::null_mut(),
            backing,
        }
    }

    /// Whether `block` was carved from the arena (and so goes back to a free list).
    #[inline]
    fn in_arena(&self, block: *mut u8) -> bool {
        (self.start as usize..self.end as usize).contains(&(block as usize))
    }

    /// # Safety
    /// As [`GlobalAlloc::alloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return self.backing.alloc(layout);
        };
        let head = self.free[class];
        if !head.is_null() {
            self.free[class] = *(head as *mut *mut u8);
            return head;
        }
        self.carve(8 << class, layout)
    }

    #[cold]
    unsafe fn carve(&mut self, size: usize, layout: Layout) -> *mut u8 {
        if self.start.is_null() {
            let arena = self
                .backing
                .alloc(Layout::from_size_align_unchecked(ARENA, 8));
            if !arena.is_null() {
                (self.start, self.next, self.end) = (arena, arena, arena.add(ARENA));
            }
        }
        if (self.end as usize) - (self.next as usize) < size {
            // The arena is carved (or could not be had): the backing allocator serves it.
            return self.backing.alloc(layout);
        }
        let block = self.next;
        self.next = block.add(size);
        block
    }

    /// # Safety
    /// As [`GlobalAlloc::dealloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        match class(layout) {
            Some(class) if self.in_arena(block) => {
                *(block as *mut *mut u8) = self.free[class];
                self.free[class] = block;
            }
            _ => self.backing.dealloc(block, layout),
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::realloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if !self.in_arena(block) {
            // From the backing allocator, and it stays there.
            return self.backing.realloc(block, layout, new_size);
        }
        match (class(layout), class(new_layout)) {
            // Its class's block already has room.
            (Some(old), Some(new)) if old == new => block,
            _ => {
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }
}

/// The class of a layout, or `None` when the backing allocator serves it.
#[inline]
fn class(layout: Layout) -> Option<usize> {
    if layout.size() > LARGEST || layout.align() > 8 {
        return None;
    }
    let size = layout.size().max(8).next_power_of_two();
    Some((size.trailing_zeros() - 3) as usize)
}

impl Default for Pools {
    fn default() -> Pools {
        Pools::new()
    }
}

/// [`Pools`] over dlmalloc over [`Pages`], as the global allocator of the (single-threaded)
/// wasm build.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::{next_grow, Pools};
    use core::arch::wasm32;
    use dlmalloc::{Allocator, Dlmalloc};
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;
    use std::ptr;
    use std::sync::atomic::{AtomicBool, Ordering};

    const PAGE: usize = 64 * 1024;

    /// Where dlmalloc gets its memory: `memory.grow` by at least an eighth of the memory there
    /// is (module docs). Memory is never given back, as with std's.
    struct Pages;

    // SAFETY: `alloc` hands out pages nothing else uses (the memory's new end); the rest never
    // frees or moves anything, which dlmalloc allows.
    extern "C" {
        // The free end of the memory the module starts with, between its data and its first
        // page boundary, marked by the linker.
        static __heap_base: u8;
        static __heap_end: u8;
    }

    /// Whether the start's free end has been handed to dlmalloc (once, as std does).
    static START_USED: AtomicBool = AtomicBool::new(false);

    unsafe impl Allocator for Pages {
        fn alloc(&self, size: usize) -> (*mut u8, usize, u32) {
            if !START_USED.swap(true, Ordering::Relaxed) {
                // Only the symbols' addresses are read.
                let (base, end) = (
                    ptr::addr_of!(__heap_base) as usize,
                    ptr::addr_of!(__heap_end) as usize,
                );
                if base != 0 && end > base && end - base >= size {
                    return (base as *mut u8, end - base, 0);
                }
            }
            let needed = size.div_ceil(PAGE);
            let have = wasm32::memory_size(0);
            let mut pages = next_grow(have, needed);
            let mut prev = wasm32::memory_grow(0, pages);
            if prev == usize::MAX && pages > needed {
                // Near the 4 GiB ceiling: what is needed may still fit.
                pages = needed;
                prev = wasm32::memory_grow(0, pages);
            }
            if prev == usize::MAX {
                return (ptr::null_mut(), 0, 0);
            }
            let base = prev * PAGE;
            let mut len = pages * PAGE;
            // The last bytes of the 4 GiB address space: a Rust pointer may not wrap to 0 at
            // its end (as dlmalloc's own wasm source does).
            if base.wrapping_add(len) == 0 {
                len -= 16;
            }
            (base as *mut u8, len, 0)
        }
        fn remap(&self, _: *mut u8, _: usize, _: usize, _: bool) -> *mut u8 {
            ptr::null_mut()
        }
        fn free_part(&self, _: *mut u8, _: usize, _: usize) -> bool {
            false
        }
        fn free(&self, _: *mut u8, _: usize) -> bool {
            false
        }
        fn can_release_part(&self, _: u32) -> bool {
            false
        }
        fn allocates_zeros(&self) -> bool {
            true
        }
        fn page_size(&self) -> usize {
            PAGE
        }
    }

    /// dlmalloc over [`Pages`] as a [`GlobalAlloc`], for [`Pools`]' slabs and large blocks.
    struct Heap(UnsafeCell<Dlmalloc<Pages>>);

    unsafe impl GlobalAlloc for Heap {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).malloc(layout.size(), layout.align())
        }
        #[inline]
        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            (*self.0.get()).free(block, layout.size(), layout.align())
        }
        #[inline]
        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(block, layout.size(), layout.align(), new_size)
        }
    }

    struct SingleThreaded(UnsafeCell<Pools<Heap>>);

    // SAFETY: wasm32 without the `atomics` target feature has exactly one thread.
    unsafe impl Sync for SingleThreaded {}

    unsafe impl GlobalAlloc for SingleThreaded {
        #[inline]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).alloc(layout)
        }
        #[inline]
        unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(block, layout)
        }
        #[inline]
        unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(block, layout, new_size)
        }
    }

    #[global_allocator]
    static ALLOCATOR: SingleThreaded = SingleThreaded(UnsafeCell::new(Pools::over(Heap(
        UnsafeCell::new(Dlmalloc::new_with_allocator(Pages)),
    ))));
}

/// How many 64 KiB pages to grow a memory of `have` pages by when `needed` more are wanted: at
/// least an eighth of what there is (module docs).
pub fn next_grow(have: usize, needed: usize) -> usize {
    needed.max(have / 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(layout(0, 1)), Some(0));
        assert_eq!(class(layout(8, 8)), Some(0));
        assert_eq!(class(layout(9, 1)), Some(1));
        assert_eq!(class(layout(24, 8)), Some(2));
        assert_eq!(class(layout(LARGEST, 8)), Some(CLASSES - 1));
        assert_eq!(class(layout(LARGEST + 1, 8)), None);
        assert_eq!(class(layout(16, 16)), None);
    }

    #[test]
    fn blocks_are_distinct_aligned_and_reused_per_class() {
        let mut pools = Pools::new();
        unsafe {
            let mut blocks = Vec::new();
            // Enough 512-byte blocks to need several slabs.
            for i in 0..1000usize {
                let size = [1, 8, 13, 64, 200, 512][i % 6];
                let b = pools.alloc(layout(size, 8));
                assert!(!b.is_null() && b as usize % 8 == 0);
                ptr::write_bytes(b, (i % 251) as u8, size);
                blocks.push((b, size, (i % 251) as u8));
            }
            // Nothing overlaps: every block still holds what was written into it.
            for &(b, size, byte) in &blocks {
                assert!(std::slice::from_raw_parts(b, size)
                    .iter()
                    .all(|&x| x == byte));
            }
            let (b, size, _) = blocks[4];
            pools.dealloc(b, layout(size, 8));
            // The next block of that class is the one just freed; another class gets a new one.
            assert_eq!(pools.alloc(layout(size, 8)), b);
            assert_ne!(pools.alloc(layout(size / 2, 8)), b);
            for &(b, size, _) in &blocks[5..] {
                pools.dealloc(b, layout(size, 8));
            }
        }
    }

    #[test]
    fn realloc_keeps_contents_across_classes_and_the_standard_allocator() {
        let mut pools = Pools::new();
        unsafe {
            let b = pools.alloc(layout(10, 1));
            ptr::copy_nonoverlapping(b"0123456789".as_ptr(), b, 10);
            // Same class: the block stays where it is.
            assert_eq!(pools.realloc(b, layout(10, 1), 16), b);
            let b = pools.realloc(b, layout(16, 1), 300);
            let b = pools.realloc(b, layout(300, 1), 5000);
            assert_eq!(std::slice::from_raw_parts(b, 10), b"0123456789");
            let b = pools.realloc(b, layout(5000, 1), 9000);
            let b = pools.realloc(b, layout(9000, 1), 4);
            assert_eq!(std::slice::from_raw_parts(b, 4), b"0123");
            pools.dealloc(b, layout(4, 1));
        }
    }

    #[test]
    fn memory_grows_by_an_eighth_so_200_mb_take_few_steps() {
        // std's dlmalloc grew by what it lacked, 64 KiB a time: 3,000 steps to 200 MB, each a
        // new ArrayBuffer in V8 (~0.6 s of a 4 MiB packet's first check through npm).
        let (mut have, mut steps) = (17usize, 0);
        while have < 3_200 {
            have += next_grow(have, 1);
            steps += 1;
        }
        assert!(steps <= 60, "{steps} steps");
        // Never less than asked for, and no more than an eighth over what there was.
        assert_eq!(next_grow(800, 500), 500);
        assert_eq!(next_grow(800, 1), 100);
    }

    #[test]
    fn small_blocks_past_the_arena_come_from_and_go_back_to_the_backing_allocator() {
        // The free lists once grew without end: a large input's small blocks stayed on them
        // for good (108.7 MB of wasm memory after the fuzz corpus through npm). They now hold
        // only the arena's blocks; the rest go back to the backing allocator.
        let mut pools = Pools::new();
        let per_arena = ARENA / 64;
        unsafe {
            let blocks: Vec<*mut u8> = (0..per_arena + 1000)
                .map(|i| {
                    let b = pools.alloc(layout(64, 8));
                    ptr::write_bytes(b, (i % 251) as u8, 64);
                    b
                })
                .collect();
            let (inside, outside): (Vec<_>, Vec<_>) =
                blocks.iter().partition(|&&b| pools.in_arena(b));
            assert_eq!((inside.len(), outside.len()), (per_arena, 1000));
            for (i, &b) in blocks.iter().enumerate() {
                assert!(std::slice::from_raw_parts(b, 64)
                    .iter()
                    .all(|&x| x == (i % 251) as u8));
            }
            // Growing a block from outside keeps it outside, with its contents.
            let grown = pools.realloc(outside[0], layout(64, 8), 100);
            assert!(!pools.in_arena(grown));
            assert!(std::slice::from_raw_parts(grown, 64)
                .iter()
                .all(|&x| x == (per_arena % 251) as u8));
            pools.dealloc(grown, layout(100, 8));
            for &b in &blocks {
                if b != outside[0] {
                    pools.dealloc(b, layout(64, 8));
                }
            }
            // The free list now holds the arena's blocks only: the next ones come from it.
            let again: Vec<*mut u8> = (0..per_arena).map(|_| pools.alloc(layout(64, 8))).collect();
            assert!(again.iter().all(|&b| pools.in_arena(b)));
            let past = pools.alloc(layout(64, 8));
            assert!(!pools.in_arena(past));
        }
    }
}
