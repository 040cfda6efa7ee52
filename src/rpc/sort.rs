//! The module's one sort: a heapsort, because the standard library's sorts cost
//! kilobytes of code in the browser build, and a hostile query still sorts in
//! O(n log n). Unstable, which is unobservable for the total orders sorted here.

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[root]` down the max-heap held in `v[..end]` (`root < end <= v.len()`).
fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    let less = |v: &[T], a: usize, b: usize| matches!((v.get(a), v.get(b)), (Some(x), Some(y)) if x < y);
    loop {
        // No overflow: root < end / 2 + 1 whenever this runs past the first check.
        let left = 2 * root + 1;
        if left >= end {
            return;
        }
        let child = if left + 1 < end && less(v, left, left + 1) { left + 1 } else { left };
        if !less(v, root, child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::sort;

    #[test]
    fn sorts_like_the_standard_library() {
        // Every arrangement of a small multiset, and a longer descending run.
        let mut cases: Vec<Vec<u8>> = vec![vec![], vec![1], (0..200).rev().collect()];
        for n in 0..5u32 {
            for code in 0..4u32.pow(n) {
                cases.push((0..n).map(|i| (code / 4u32.pow(i) % 4) as u8).collect());
            }
        }
        for case in cases {
            let (mut ours, mut std) = (case.clone(), case.clone());
            sort(&mut ours);
            std.sort();
            assert_eq!(ours, std, "{case:?}");
        }
    }
}
