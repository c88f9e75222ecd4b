//! The process's memory allocator: the system's malloc, with a free list
//! per thread for each small size in front of it.
//!
//! A Python program makes and drops small objects all the time: an
//! instance, its `__dict__` and the dict's table are three allocations,
//! and so is every tuple, bound method or str a loop builds and lets go.
//! glibc's malloc and free cost about 40 and 85 instructions each on that
//! path (its tcache checks and bookkeeping); popping and pushing a singly
//! linked list costs a handful. CPython has the same kind of cache in
//! front of malloc for the same reason (obmalloc's size-class pools).
//!
//! Blocks of up to `MAX_SMALL` bytes are rounded up to a size class, so
//! that any free block of a class can serve any request of that class.
//! The classes are the sizes malloc really hands out (24, 40, 56, ...:
//! its chunks are multiples of 16 bytes with an 8-byte header), so the
//! rounding costs no memory over plain malloc. A freed block goes on its
//! class's list on the freeing thread; past `MAX_CACHED` blocks a list
//! gives them back to malloc, so the lists hold at most 1.7 MB (7 classes
//! of 2048 blocks of at most 120 bytes) that malloc could have reused for
//! other sizes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr::null_mut;

/// Requests up to this many bytes (and alignment up to `GRAIN`) are served
/// from the lists.
const MAX_SMALL: usize = 120;
/// malloc's chunk step, and the alignment of every block it returns.
const GRAIN: usize = 16;
/// Classes of 24, 40, ..., 120 bytes.
const CLASSES: usize = 7;
/// The most blocks a class keeps per thread before freeing to malloc.
const MAX_CACHED: u32 = 2048;

/// The allocator to install with `#[global_allocator]`.
pub struct SmallAlloc;

/// One class's free blocks: each free block's first word points to the
/// next.
struct FreeList {
    head: Cell<*mut u8>,
    len: Cell<u32>,
}

thread_local! {
    // A const-initialised thread-local of a type without drop glue: no
    // registration or lazy initialisation, so it is safe to use from
    // inside the allocator (and costs one TLS-relative access).
    static LISTS: [FreeList; CLASSES] = const {
        [const {
            FreeList {
                head: Cell::new(null_mut()),
                len: Cell::new(0),
            }
        }; CLASSES]
    };
}

/// The size class of `layout`, if it is small.
#[inline(always)]
fn class_of(layout: &Layout) -> Option<usize> {
    let size = layout.size();
    (size <= MAX_SMALL && layout.align() <= GRAIN).then(|| ((size + 7) / GRAIN).saturating_sub(1))
}

/// The layout every block of class `class` is allocated with.
#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a non-zero size with a power-of-two alignment.
    unsafe { Layout::from_size_align_unchecked((class + 1) * GRAIN + 8, GRAIN) }
}

// SAFETY: every block handed out is either fresh from `System` with the
// class's layout (which covers the request's size and alignment) or a
// block of the same class given back earlier and not since handed out; a
// block is only ever on one list, and lists are per thread.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(&layout) else {
            return System.alloc(layout);
        };
        let popped = LISTS
            .try_with(|lists| {
                let list = &lists[class];
                let head = list.head.get();
                if !head.is_null() {
                    list.head.set(*(head as *mut *mut u8));
                    list.len.set(list.len.get() - 1);
                }
                head
            })
            .unwrap_or(null_mut());
        if popped.is_null() {
            System.alloc(class_layout(class))
        } else {
            popped
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if class_of(&layout).is_none() {
            // calloc: large blocks come zeroed from fresh pages, untouched.
            return System.alloc_zeroed(layout);
        }
        let p = self.alloc(layout);
        if !p.is_null() {
            p.write_bytes(0, layout.size());
        }
        p
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class_of(&layout) else {
            return System.dealloc(ptr, layout);
        };
        let kept = LISTS
            .try_with(|lists| {
                let list = &lists[class];
                if list.len.get() >= MAX_CACHED {
                    return false;
                }
                *(ptr as *mut *mut u8) = list.head.get();
                list.head.set(ptr);
                list.len.set(list.len.get() + 1);
                true
            })
            .unwrap_or(false);
        if !kept {
            System.dealloc(ptr, class_layout(class));
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class_of(&layout), class_of(&new_layout)) {
            // Both large: malloc's realloc may grow in place.
            (None, None) => System.realloc(ptr, layout, new_size),
            // The block already has room for the new size.
            (Some(old), Some(new)) if old == new => ptr,
            _ => {
                let fresh = self.alloc(new_layout);
                if !fresh.is_null() {
                    std::ptr::copy_nonoverlapping(ptr, fresh, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
                fresh
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_cover_their_requests_at_malloc_sizes() {
        for size in 0..=MAX_SMALL {
            let class = class_of(&Layout::from_size_align(size, 8).unwrap()).unwrap();
            assert!(class < CLASSES);
            let block = class_layout(class).size();
            assert!(block >= size, "size {size} in a {block}-byte class");
            assert_eq!((block + 8) % GRAIN, 0, "{block} is not a malloc size");
            if class > 0 {
                assert!(
                    class_layout(class - 1).size() < size,
                    "size {size} not in the smallest class"
                );
            }
        }
        assert!(class_of(&Layout::from_size_align(MAX_SMALL + 1, 8).unwrap()).is_none());
        assert!(class_of(&Layout::from_size_align(16, 32).unwrap()).is_none());
    }

    #[test]
    fn blocks_are_reused_and_realloc_keeps_contents() {
        let a = SmallAlloc;
        let layout = Layout::from_size_align(72, 8).unwrap();
        unsafe {
            let p = a.alloc(layout);
            p.write_bytes(7, 72);
            a.dealloc(p, layout);
            let q = a.alloc(Layout::from_size_align(70, 8).unwrap());
            assert_eq!(p, q, "a freed block of the class is handed out again");
            q.write_bytes(9, 70);
            let r = a.realloc(q, Layout::from_size_align(70, 8).unwrap(), 500);
            assert!(std::slice::from_raw_parts(r, 70).iter().all(|&b| b == 9));
            let s = a.realloc(r, Layout::from_size_align(500, 8).unwrap(), 30);
            assert!(std::slice::from_raw_parts(s, 30).iter().all(|&b| b == 9));
            a.dealloc(s, Layout::from_size_align(30, 8).unwrap());
        }
    }
}
