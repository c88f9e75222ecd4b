//! A small line diff (Myers' O(ND) algorithm) printed in unified format,
//! enough for `pyrite dis --compare`.

/// One line of an edit script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    Same(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// Past this many differing lines the trace would cost too much memory
/// (it is O(D * (N + M))); the differing middle is then shown as one block.
const MAX_EDIT_DISTANCE: usize = 2000;

/// An edit script turning `a` into `b`: the shortest one after trimming
/// the common prefix and suffix, unless that is too expensive.
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Edit> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut edits: Vec<Edit> = (0..prefix).map(|i| Edit::Same(i, i)).collect();
    match myers(a_mid, b_mid) {
        Some(mid) => edits.extend(mid.into_iter().map(|e| match e {
            Edit::Same(i, j) => Edit::Same(i + prefix, j + prefix),
            Edit::Delete(i) => Edit::Delete(i + prefix),
            Edit::Insert(j) => Edit::Insert(j + prefix),
        })),
        None => {
            edits.extend((0..a_mid.len()).map(|i| Edit::Delete(i + prefix)));
            edits.extend((0..b_mid.len()).map(|j| Edit::Insert(j + prefix)));
        }
    }
    let (a_end, b_end) = (a.len() - suffix, b.len() - suffix);
    edits.extend((0..suffix).map(|i| Edit::Same(a_end + i, b_end + i)));
    edits
}

/// Myers' shortest edit script, or `None` past `MAX_EDIT_DISTANCE`.
fn myers(a: &[&str], b: &[&str]) -> Option<Vec<Edit>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    if max == 0 {
        return Some(Vec::new());
    }
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'outer: for d in 0..=max as isize {
        if d as usize > MAX_EDIT_DISTANCE {
            return None;
        }
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                break 'outer;
            }
            k += 2;
        }
    }
    // Walk the trace backwards to recover the path.
    let mut edits = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let idx = (k + offset) as usize;
        let prev_k = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[(prev_k + offset) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            edits.push(Edit::Same(x as usize, y as usize));
        }
        if d > 0 {
            if x == prev_x {
                y -= 1;
                edits.push(Edit::Insert(y as usize));
            } else {
                x -= 1;
                edits.push(Edit::Delete(x as usize));
            }
        }
    }
    edits.reverse();
    Some(edits)
}

/// A unified diff of two texts (empty when they are equal), with three
/// lines of context like `diff -u`.
pub fn unified_diff(a: &str, b: &str, a_name: &str, b_name: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let edits = edit_script(&a, &b);
    if edits.iter().all(|e| matches!(e, Edit::Same(..))) {
        return String::new();
    }
    const CONTEXT: usize = 3;
    let mut out = format!("--- {a_name}\n+++ {b_name}\n");
    let changed: Vec<usize> = edits
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e, Edit::Same(..)))
        .map(|(i, _)| i)
        .collect();
    // Group changes whose context overlaps into hunks of edit indices.
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let lo = i.saturating_sub(CONTEXT);
        let hi = (i + CONTEXT + 1).min(edits.len());
        match hunks.last_mut() {
            Some(last) if lo <= last.1 => last.1 = hi,
            _ => hunks.push((lo, hi)),
        }
    }
    for (lo, hi) in hunks {
        // Line numbers where the hunk starts in each file.
        let (mut a_start, mut b_start) = (0, 0);
        for e in &edits[..lo] {
            match e {
                Edit::Same(..) => {
                    a_start += 1;
                    b_start += 1;
                }
                Edit::Delete(_) => a_start += 1,
                Edit::Insert(_) => b_start += 1,
            }
        }
        let slice = &edits[lo..hi];
        let a_len = slice
            .iter()
            .filter(|e| !matches!(e, Edit::Insert(_)))
            .count();
        let b_len = slice
            .iter()
            .filter(|e| !matches!(e, Edit::Delete(_)))
            .count();
        let start = |s: usize, len: usize| if len == 0 { s } else { s + 1 };
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            start(a_start, a_len),
            a_len,
            start(b_start, b_len),
            b_len
        ));
        for e in slice {
            match *e {
                Edit::Same(i, _) => out.push_str(&format!(" {}\n", a[i])),
                Edit::Delete(i) => out.push_str(&format!("-{}\n", a[i])),
                Edit::Insert(j) => out.push_str(&format!("+{}\n", b[j])),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified_diff("a\nb\n", "a\nb\n", "x", "y"), "");
    }

    #[test]
    fn one_changed_line() {
        let d = unified_diff(
            "1\n2\n3\n4\n5\n6\n7\n8\n",
            "1\n2\n3\n4\nX\n6\n7\n8\n",
            "a",
            "b",
        );
        assert_eq!(
            d,
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn insertions_and_deletions() {
        let d = unified_diff("a\nb\nc\n", "b\nc\nd\n", "a", "b");
        assert_eq!(d, "--- a\n+++ b\n@@ -1,3 +1,3 @@\n-a\n b\n c\n+d\n");
    }
}
