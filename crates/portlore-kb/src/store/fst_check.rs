//! Validates the bytes of an FST (fst crate, format version 3) before the `fst` crate
//! reads them. `fst` trusts its input: a crafted node makes it index out of bounds,
//! underflow an address or overflow an output, each a panic. This walks every node
//! reachable from the root once, with checked arithmetic, and accepts the FST only if
//! every read `fst` could make stays inside its node, every transition points to an
//! earlier node (so there are no cycles), and no key's value overflows a u64.
//!
//! The node layout mirrors `fst::raw::node`: a node is read backwards from its state
//! byte at its address, down to its lowest byte (`end`).

use crate::error::StoreError;

/// The only FST format this store writes.
const VERSION: u64 = 3;
/// Header: version and type, 8 bytes each.
const HEADER: usize = 16;
/// Footer: key count and root address (8 bytes each), then a CRC32C (4 bytes).
const FOOTER: usize = 20;
/// Above this many transitions a node carries a 256-byte index of its inputs.
const INDEX_THRESHOLD: usize = 32;
/// `fst`'s address of the empty final node, which has no bytes.
const EMPTY: usize = 0;

/// A malformed index; `why` names the rule it breaks.
fn bad(why: &'static str) -> StoreError {
    StoreError::Corrupt(why)
}

/// Checks an FST; `Ok` means the `fst` crate can read it without panicking.
pub(crate) fn validate(data: &[u8]) -> Result<(), StoreError> {
    if data.len() < HEADER + FOOTER {
        return Err(bad("index: too short"));
    }
    if u64le(data, 0) != VERSION {
        return Err(bad("index: version"));
    }
    let end = data.len() - 4;
    let root = usize::try_from(u64le(data, end - 8)).map_err(|_| bad("index: root"))?;
    let nodes_end = data.len() - FOOTER;
    if root == EMPTY {
        // An empty FST is its header and footer alone.
        return if data.len() == HEADER + FOOTER {
            Ok(())
        } else {
            Err(bad("index: empty root"))
        };
    }
    if root.checked_add(1) != Some(nodes_end) {
        return Err(bad("index: root address"));
    }
    // The largest value reachable from each node, plus one (0: not yet computed).
    let mut best = vec![0u64; nodes_end];
    let mut stack = vec![(root, false)];
    while let Some((addr, children_done)) = stack.pop() {
        if addr == EMPTY || best[addr] != 0 {
            continue;
        }
        let node = Node::parse(data, addr)?;
        if !children_done {
            stack.push((addr, true));
            for i in 0..node.ntrans {
                let target = node.target(data, i)?;
                if target != EMPTY && best[target] == 0 {
                    stack.push((target, false));
                }
            }
            continue;
        }
        let mut most = if node.is_final {
            node.final_output(data)
        } else {
            0
        };
        let mut previous: Option<u8> = None;
        for i in 0..node.ntrans {
            let target = node.target(data, i)?;
            let below = if target == EMPTY {
                0
            } else {
                best[target]
                    .checked_sub(1)
                    .ok_or(bad("index: unvisited child"))?
            };
            let sum = node
                .output(data, i)
                .checked_add(below)
                .ok_or(bad("index: output overflows"))?;
            most = most.max(sum);
            let input = node.input(data, i);
            if previous.is_some_and(|p| p >= input) {
                return Err(bad("index: transitions out of order"));
            }
            previous = Some(input);
        }
        node.check_index(data)?;
        best[addr] = most.checked_add(1).ok_or(bad("index: output overflows"))?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One transition to the node just below, no output.
    OneTransNext,
    /// One transition, maybe with an output.
    OneTrans,
    /// Any number of transitions; maybe final.
    AnyTrans,
}

/// One decoded node; every offset it reads lies in `end..=start`.
#[derive(Debug)]
struct Node {
    kind: Kind,
    /// The state byte's address.
    start: usize,
    /// The lowest byte of the node.
    end: usize,
    is_final: bool,
    ntrans: usize,
    /// Whether the input byte is stored (not one of the common inputs in the state).
    input_len: usize,
    /// Whether the transition count is stored in a byte of its own.
    ntrans_len: usize,
    tsize: usize,
    osize: usize,
    index_size: usize,
}

impl Node {
    fn parse(data: &[u8], addr: usize) -> Result<Node, StoreError> {
        if addr < HEADER || addr >= data.len() {
            return Err(bad("index: address"));
        }
        let state = data[addr];
        let sub = |a: usize, b: usize| a.checked_sub(b).ok_or(bad("index: node runs below zero"));
        let mut node = Node {
            kind: Kind::AnyTrans,
            start: addr,
            end: addr,
            is_final: false,
            ntrans: 1,
            input_len: 0,
            ntrans_len: 0,
            tsize: 0,
            osize: 0,
            index_size: 0,
        };
        match state >> 6 {
            0b11 => {
                node.kind = Kind::OneTransNext;
                node.input_len = usize::from(state & 0x3f == 0);
                node.end = sub(addr, node.input_len)?;
            }
            0b10 => {
                node.kind = Kind::OneTrans;
                node.input_len = usize::from(state & 0x3f == 0);
                let sizes = data[sub(sub(addr, node.input_len)?, 1)?];
                node.sizes(sizes)?;
                if node.tsize == 0 {
                    return Err(bad("index: transition without address"));
                }
                node.end = sub(addr, node.input_len + 1 + node.tsize + node.osize)?;
            }
            _ => {
                node.is_final = state & 0x40 != 0;
                let count = state & 0x3f;
                node.ntrans_len = usize::from(count == 0);
                node.ntrans = if count != 0 {
                    usize::from(count)
                } else {
                    match data[sub(addr, 1)?] {
                        1 => 256,
                        n => usize::from(n),
                    }
                };
                let sizes = data[sub(sub(addr, node.ntrans_len)?, 1)?];
                node.sizes(sizes)?;
                if node.ntrans > 0 && node.tsize == 0 {
                    return Err(bad("index: transition without address"));
                }
                node.index_size = if node.ntrans > INDEX_THRESHOLD {
                    256
                } else {
                    0
                };
                let final_osize = if node.is_final { node.osize } else { 0 };
                let body = node.ntrans * (1 + node.tsize + node.osize) + node.index_size;
                node.end = sub(addr, node.ntrans_len + 1 + body + final_osize)?;
            }
        }
        if node.end < HEADER {
            return Err(bad("index: node overlaps the header"));
        }
        Ok(node)
    }

    fn sizes(&mut self, byte: u8) -> Result<(), StoreError> {
        self.tsize = usize::from(byte >> 4);
        self.osize = usize::from(byte & 0x0f);
        if self.tsize > 8 || self.osize > 8 {
            return Err(bad("index: pack size"));
        }
        Ok(())
    }

    /// Where transition `i`'s packed address starts.
    fn target(&self, data: &[u8], i: usize) -> Result<usize, StoreError> {
        let at = match self.kind {
            Kind::OneTransNext => {
                // The node just below; `end >= HEADER` so this cannot underflow.
                return Ok(self.end - 1);
            }
            Kind::OneTrans => self.start - self.input_len - 1 - self.tsize,
            Kind::AnyTrans => {
                self.start
                    - self.ntrans_len
                    - 1
                    - self.index_size
                    - self.ntrans
                    - (i + 1) * self.tsize
            }
        };
        let delta = uint(data, at, self.tsize);
        if delta == 0 {
            return Ok(EMPTY);
        }
        let delta = usize::try_from(delta).map_err(|_| bad("index: address"))?;
        // A transition always points below the node itself: no cycles.
        self.end
            .checked_sub(delta)
            .filter(|t| *t >= HEADER)
            .ok_or(bad("index: transition address"))
    }

    fn output(&self, data: &[u8], i: usize) -> u64 {
        if self.osize == 0 {
            return 0;
        }
        let at = match self.kind {
            Kind::OneTransNext => return 0,
            Kind::OneTrans => self.end,
            Kind::AnyTrans => {
                self.start
                    - self.ntrans_len
                    - 1
                    - self.index_size
                    - self.ntrans * (1 + self.tsize)
                    - (i + 1) * self.osize
            }
        };
        uint(data, at, self.osize)
    }

    fn final_output(&self, data: &[u8]) -> u64 {
        if self.osize == 0 || !self.is_final {
            0
        } else {
            uint(data, self.end, self.osize)
        }
    }

    /// The input byte of transition `i` (only AnyTrans inputs are ever compared).
    fn input(&self, data: &[u8], i: usize) -> u8 {
        match self.kind {
            Kind::AnyTrans => data[self.start - self.ntrans_len - 1 - self.index_size - i - 1],
            Kind::OneTrans | Kind::OneTransNext => 0,
        }
    }

    /// A node with an input index must index exactly its own inputs.
    fn check_index(&self, data: &[u8]) -> Result<(), StoreError> {
        if self.index_size == 0 {
            return Ok(());
        }
        let first = self.start - self.ntrans_len - 1 - self.index_size;
        let index = &data[first..first + 256];
        let mut expected = [u8::MAX; 256];
        for i in 0..self.ntrans {
            expected[usize::from(self.input(data, i))] = i as u8;
        }
        for (byte, (&got, &want)) in index.iter().zip(&expected).enumerate() {
            let got_some = usize::from(got) < self.ntrans;
            let want_some = usize::from(want) < self.ntrans
                && self.input(data, usize::from(want)) as usize == byte;
            if got_some != want_some || (got_some && got != want) {
                return Err(bad("index: input index"));
            }
        }
        Ok(())
    }
}

fn u64le(data: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&data[at..at + 8]);
    u64::from_le_bytes(b)
}

/// A little-endian integer of `n` (1 to 8) bytes.
fn uint(data: &[u8], at: usize, n: usize) -> u64 {
    data[at..at + n]
        .iter()
        .rev()
        .fold(0u64, |acc, &b| acc << 8 | u64::from(b))
}
