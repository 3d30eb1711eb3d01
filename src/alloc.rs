//! The wasm build's memory allocator: small blocks come from per-size free lists, everything
//! else from the standard allocator (dlmalloc).
//!
//! A check allocates and frees a few hundred small blocks (the parsed packet's keys, strings and
//! map nodes, the report's texts). dlmalloc spends most of its time on those splitting,
//! coalescing and binning chunks; here a small allocation is a pop from a list and a free is a
//! push, because Rust hands `dealloc` the layout, so no block needs a header. Measured on the
//! example packets (`bench/README.md`).
//!
//! Blocks of up to [`LARGEST`] bytes with an alignment of at most 8 are rounded up to a power
//! of two (a "class") and carved from 64 KiB slabs taken from the standard allocator. A freed
//! block goes back to its class's list and is only reused for that class; slabs are never
//! returned, as wasm memory never shrinks anyway. A failed slab allocation returns null, so an
//! out-of-memory ends the same way as with the standard allocator.
//!
//! Only the wasm build installs it: wasm32-unknown-unknown without the `atomics` feature runs
//! one thread, which is what lets [`Pools`] be used without a lock.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ptr;

/// The largest block, in bytes, served from the free lists.
pub const LARGEST: usize = 512;
/// Classes are 8, 16, 32, …, `LARGEST` bytes.
const CLASSES: usize = (LARGEST.trailing_zeros() - 3 + 1) as usize;
/// Bytes taken from the standard allocator at a time to carve blocks from.
const SLAB: usize = 64 * 1024;

/// The free lists and the slab being carved. Not thread-safe: see the module docs.
pub struct Pools {
    /// The first free block of each class; a free block's first word points to the next one.
    free: [*mut u8; CLASSES],
    /// The unused rest of the current slab.
    next: *mut u8,
    end: *mut u8,
}

impl Pools {
    pub const fn new() -> Pools {
        Pools {
            free: [ptr::null_mut(); CLASSES],
            next: ptr::null_mut(),
            end: ptr::null_mut(),
        }
    }

    /// The class of a layout, or `None` when the standard allocator serves it.
    #[inline]
    fn class(layout: Layout) -> Option<usize> {
        if layout.size() > LARGEST || layout.align() > 8 {
            return None;
        }
        let size = layout.size().max(8).next_power_of_two();
        Some((size.trailing_zeros() - 3) as usize)
    }

    /// # Safety
    /// As [`GlobalAlloc::alloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(class) = Pools::class(layout) else {
            return System.alloc(layout);
        };
        let head = self.free[class];
        if !head.is_null() {
            self.free[class] = *(head as *mut *mut u8);
            return head;
        }
        self.carve(8 << class)
    }

    #[cold]
    unsafe fn carve(&mut self, size: usize) -> *mut u8 {
        if (self.end as usize) - (self.next as usize) < size {
            // The slab's unused rest (less than one block) is left behind.
            let slab = System.alloc(Layout::from_size_align_unchecked(SLAB, 8));
            if slab.is_null() {
                return slab;
            }
            self.next = slab;
            self.end = slab.add(SLAB);
        }
        let block = self.next;
        self.next = block.add(size);
        block
    }

    /// # Safety
    /// As [`GlobalAlloc::dealloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn dealloc(&mut self, block: *mut u8, layout: Layout) {
        match Pools::class(layout) {
            Some(class) => {
                *(block as *mut *mut u8) = self.free[class];
                self.free[class] = block;
            }
            None => System.dealloc(block, layout),
        }
    }

    /// # Safety
    /// As [`GlobalAlloc::realloc`]; and no other thread may use these pools.
    #[inline]
    pub unsafe fn realloc(&mut self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (Pools::class(layout), Pools::class(new_layout)) {
            (Some(old), Some(new)) if old == new => block,
            (None, None) => System.realloc(block, layout, new_size),
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

impl Default for Pools {
    fn default() -> Pools {
        Pools::new()
    }
}

/// [`Pools`] as the global allocator of the (single-threaded) wasm build.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod global {
    use super::Pools;
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    struct SingleThreaded(UnsafeCell<Pools>);

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
    static ALLOCATOR: SingleThreaded = SingleThreaded(UnsafeCell::new(Pools::new()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(Pools::class(layout(0, 1)), Some(0));
        assert_eq!(Pools::class(layout(8, 8)), Some(0));
        assert_eq!(Pools::class(layout(9, 1)), Some(1));
        assert_eq!(Pools::class(layout(24, 8)), Some(2));
        assert_eq!(Pools::class(layout(LARGEST, 8)), Some(CLASSES - 1));
        assert_eq!(Pools::class(layout(LARGEST + 1, 8)), None);
        assert_eq!(Pools::class(layout(16, 16)), None);
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
}
