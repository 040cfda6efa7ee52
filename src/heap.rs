//! The packaged module's allocator (feature `standalone`, which has no std to
//! lend one): a free list per power-of-two size class, over memory taken in
//! whole pages. Allocating and freeing take a few instructions, where dlmalloc
//! (std's) takes a hundred and ~4.5 KB of code: a request makes dozens of small
//! strings. A freed block is kept for its own class, and memory is never handed
//! back (wasm memory cannot shrink), so a module holds at most about twice, per
//! class, the most it ever used at once; a hostile input is bounded by the
//! bindings' budget before it gets here.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The smallest class holds 2^3 bytes: room for the free list's link.
const MIN_SHIFT: u32 = 3;
/// Classes of 2^3 to 2^31 bytes.
const CLASSES: usize = 29;
pub const PAGE: usize = 1 << 16;

/// Where pages come from: `grow(n)` adds `n` pages and gives the address of the
/// first, or `None`.
pub trait Pages {
    fn grow(&self, pages: usize) -> Option<usize>;
}

/// The module's memory.
#[cfg(all(target_arch = "wasm32", feature = "standalone"))]
pub struct Memory;

#[cfg(all(target_arch = "wasm32", feature = "standalone"))]
impl Pages for Memory {
    fn grow(&self, pages: usize) -> Option<usize> {
        let before = core::arch::wasm32::memory_grow(0, pages);
        (before != usize::MAX).then(|| before.checked_mul(PAGE)).flatten()
    }
}

struct Lists {
    /// The first free block of each class; a free block's first word links the next.
    free: [*mut u8; CLASSES],
    /// Memory not yet handed out: `next..end`.
    next: usize,
    end: usize,
}

pub struct Classes<P> {
    lists: UnsafeCell<Lists>,
    pages: P,
}

// SAFETY: the module runs on one thread (wasm32 without threads), so one call at
// a time reaches the lists; native tests use it from one thread too.
unsafe impl<P: Sync> Sync for Classes<P> {}

impl<P> Classes<P> {
    pub const fn new(pages: P) -> Self {
        Classes { lists: UnsafeCell::new(Lists { free: [null_mut(); CLASSES], next: 0, end: 0 }), pages }
    }
}

/// A layout's class, and the class's block size: the smallest power of two that
/// holds the size and meets the alignment. Blocks are aligned to their size (up
/// to a page), so any layout of a class fits any block of it.
#[inline(always)]
fn class(layout: Layout) -> Option<(usize, usize)> {
    if layout.align() > PAGE {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT).checked_next_power_of_two()?;
    let class = usize::try_from(size.trailing_zeros().checked_sub(MIN_SHIFT)?).ok()?;
    (class < CLASSES).then_some((class, size))
}

impl<P: Pages> Classes<P> {
    /// A block of `size` bytes from fresh memory, taking pages as needed.
    fn carve(&self, lists: &mut Lists, size: usize) -> Option<*mut u8> {
        let align = size.min(PAGE);
        let mut start = lists.next.checked_add(align - 1)? & !(align - 1);
        if start.checked_add(size)? > lists.end {
            let pages = size.checked_add(PAGE - 1)? / PAGE;
            let first = self.pages.grow(pages)?;
            // Contiguous with what is left (pages come from one place), or a fresh run.
            if first != lists.end {
                lists.next = first;
            }
            lists.end = first.checked_add(pages.checked_mul(PAGE)?)?;
            start = lists.next.checked_add(align - 1)? & !(align - 1);
            if start.checked_add(size)? > lists.end {
                // What was left is too little for the alignment: start on the new pages.
                start = first;
            }
        }
        lists.next = start + size;
        Some(start as *mut u8)
    }
}

unsafe impl<P: Pages> GlobalAlloc for Classes<P> {
    #[inline(always)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((class, size)) = class(layout) else { return null_mut() };
        // SAFETY: one caller at a time (see `Sync`), and no reference outlives this call.
        let lists = unsafe { &mut *self.lists.get() };
        let Some(head) = lists.free.get_mut(class) else { return null_mut() };
        if head.is_null() {
            return self.carve(lists, size).unwrap_or(null_mut());
        }
        let block = *head;
        // SAFETY: a free block of this class holds the link to the next, written by `dealloc`.
        *head = unsafe { block.cast::<*mut u8>().read() };
        block
    }

    #[inline(always)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some((class, _)) = class(layout) else { return };
        // SAFETY: as in `alloc`.
        let lists = unsafe { &mut *self.lists.get() };
        if let Some(head) = lists.free.get_mut(class) {
            // SAFETY: `ptr` is a block of this class (at least 8 bytes, aligned to 8), no longer in use.
            unsafe { ptr.cast::<*mut u8>().write(*head) };
            *head = ptr;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else { return null_mut() };
        if class(layout).is_some_and(|(c, _)| class(new_layout).is_some_and(|(n, _)| n == c)) {
            return ptr; // the block already has room
        }
        // SAFETY: the caller's contract for `realloc`, passed on.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// Pages from one buffer of the test's, handed out in order.
    struct Buffer {
        base: usize,
        used: Cell<usize>,
        pages: usize,
    }

    // SAFETY: the tests use one from one thread.
    unsafe impl Sync for Buffer {}

    impl Pages for Buffer {
        fn grow(&self, pages: usize) -> Option<usize> {
            let used = self.used.get();
            (used + pages <= self.pages).then(|| {
                self.used.set(used + pages);
                self.base + used * PAGE
            })
        }
    }

    #[test]
    fn blocks_never_overlap_and_keep_their_bytes() {
        const PAGES: usize = 1024;
        let region = Layout::from_size_align(PAGES * PAGE, PAGE).unwrap();
        let base = unsafe { std::alloc::alloc_zeroed(region) };
        assert!(!base.is_null());
        let heap = Classes::new(Buffer { base: base as usize, used: Cell::new(0), pages: PAGES });
        // A fixed pseudo-random mix of allocations, frees and reallocations; each live
        // block is filled with its own byte and checked before it goes.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        for step in 0..20_000 {
            let fill = (step % 251) as u8;
            match next(3) {
                0 | 1 if live.len() < 300 => {
                    let size = [1, 7, 8, 9, 24, 100, 1000, 5000, 70_000][next(9)];
                    let layout = Layout::from_size_align(size, [1, 2, 4, 8, 16][next(5)]).unwrap();
                    let p = unsafe { heap.alloc(layout) };
                    assert!(!p.is_null() && p as usize % layout.align() == 0, "{layout:?}");
                    unsafe { p.write_bytes(fill, size) };
                    live.push((p, layout, fill));
                }
                _ if !live.is_empty() => {
                    let (p, layout, old) = live.swap_remove(next(live.len()));
                    let bytes = unsafe { std::slice::from_raw_parts(p, layout.size()) };
                    assert!(bytes.iter().all(|&b| b == old), "block {p:?} {layout:?} was overwritten");
                    if next(2) == 0 {
                        unsafe { heap.dealloc(p, layout) };
                    } else {
                        let size = [3, 16, 40, 2000, 9000][next(5)];
                        let q = unsafe { heap.realloc(p, layout, size) };
                        let kept = unsafe { std::slice::from_raw_parts(q, size.min(layout.size())) };
                        assert!(kept.iter().all(|&b| b == old), "realloc lost bytes");
                        unsafe { q.write_bytes(fill, size) };
                        live.push((q, Layout::from_size_align(size, layout.align()).unwrap(), fill));
                    }
                }
                _ => {}
            }
        }
        // Every live block's bytes intact at the end, and no two blocks overlap.
        live.sort_by_key(|(p, ..)| *p as usize);
        for pair in live.windows(2) {
            assert!(pair[0].0 as usize + pair[0].1.size() <= pair[1].0 as usize, "overlap");
        }
        for (p, layout, fill) in &live {
            assert!(unsafe { std::slice::from_raw_parts(*p, layout.size()) }.iter().all(|b| b == fill));
        }
        unsafe { std::alloc::dealloc(base, region) };
    }

    #[test]
    fn classes_are_powers_of_two_that_meet_the_alignment() {
        let class_of = |size, align| class(Layout::from_size_align(size, align).unwrap());
        assert_eq!(class_of(1, 1), Some((0, 8)));
        assert_eq!(class_of(8, 8), Some((0, 8)));
        assert_eq!(class_of(9, 1), Some((1, 16)));
        assert_eq!(class_of(3, 32), Some((2, 32)));
        assert_eq!(class_of(70_000, 1), Some((14, 131_072)));
        assert_eq!(class_of(1, 2 * PAGE), None);
    }
}
