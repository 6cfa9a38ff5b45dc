//! Socket inode → process, by walking /proc/PID/fd the way `ss -p` does.
//!
//! Each process is read through one handle on its /proc/PID directory. A handle
//! outlives nothing: once the process exits, reads through it fail instead of reaching a
//! new process that reused the pid, so an exiting process is skipped, never misnamed.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::CStr;
use std::io::Read;
use std::os::fd::OwnedFd;

use rustix::fs::{Dir, Mode, OFlags, openat, readlinkat};
use rustix::io::Errno;

use crate::model::Process;

/// Which processes hold which sockets, and what the walk could not see.
#[derive(Debug, Default)]
pub(crate) struct Owners {
    /// Socket inode → pids (ascending).
    pub by_inode: HashMap<u64, Vec<u32>>,
    /// Details of every pid in `by_inode`.
    pub processes: BTreeMap<u32, Process>,
    /// Processes whose fd directory was not readable.
    pub hidden: usize,
    /// Processes in another network namespace than ours.
    pub other_netns: usize,
}

/// Walks /proc once, looking only for the wanted inodes.
pub(crate) fn owners(wanted: &HashSet<u64>, our_netns: Option<&[u8]>) -> std::io::Result<Owners> {
    let mut found = Owners::default();
    let proc_fd = openat(
        rustix::fs::CWD,
        "/proc",
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    let dir = Dir::read_from(&proc_fd)?;
    let mut link_buf = Vec::with_capacity(64);
    for entry in dir {
        let Ok(entry) = entry else { break };
        let Some(pid) = parse_pid(entry.file_name()) else {
            continue;
        };
        let Ok(pid_dir) = openat(
            &proc_fd,
            entry.file_name(),
            OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        ) else {
            continue; // exited between readdir and open
        };
        if let Some(ours) = our_netns
            && let Ok(theirs) = readlinkat(&pid_dir, "ns/net", std::mem::take(&mut link_buf))
        {
            if theirs.as_bytes() != ours {
                found.other_netns += 1;
            }
            link_buf = theirs.into_bytes();
        }
        let fd_dir = match openat(
            &pid_dir,
            "fd",
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
            Mode::empty(),
        ) {
            Ok(fd) => fd,
            Err(Errno::ACCESS | Errno::PERM) => {
                found.hidden += 1;
                continue;
            }
            Err(_) => continue, // exited, or a zombie without an fd table
        };
        let mut held = false;
        let mut denied = false;
        let Ok(fds) = Dir::read_from(&fd_dir) else {
            continue;
        };
        for fd_entry in fds {
            let Ok(fd_entry) = fd_entry else { break };
            let name = fd_entry.file_name();
            if name.to_bytes().first().is_none_or(|b| !b.is_ascii_digit()) {
                continue;
            }
            let target = match readlinkat(&fd_dir, name, std::mem::take(&mut link_buf)) {
                Ok(t) => t,
                // Listing is allowed but reading is not (ptrace access mode): as hidden
                // as an unreadable directory.
                Err(Errno::ACCESS | Errno::PERM) => {
                    denied = true;
                    break;
                }
                Err(_) => continue,
            };
            if let Some(inode) = socket_inode(target.as_bytes())
                && wanted.contains(&inode)
            {
                let pids = found.by_inode.entry(inode).or_default();
                if !pids.contains(&pid) {
                    pids.push(pid);
                }
                held = true;
            }
            link_buf = target.into_bytes();
        }
        if denied {
            found.hidden += 1;
        }
        if held {
            match details(&pid_dir, pid) {
                Some(process) => {
                    found.processes.insert(pid, process);
                }
                None => {
                    // It exited while we looked: forget it rather than show half a process.
                    for pids in found.by_inode.values_mut() {
                        pids.retain(|p| *p != pid);
                    }
                }
            }
        }
    }
    found.by_inode.retain(|_, pids| !pids.is_empty());
    for pids in found.by_inode.values_mut() {
        pids.sort_unstable();
    }
    Ok(found)
}

fn parse_pid(name: &CStr) -> Option<u32> {
    let bytes = name.to_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(bytes).ok()?.parse().ok()
}

/// `socket:[12345]` → 12345.
pub(crate) fn socket_inode(link: &[u8]) -> Option<u64> {
    let digits = link.strip_prefix(b"socket:[")?.strip_suffix(b"]")?;
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn read_at(dir: &OwnedFd, name: &str, limit: u64) -> Option<Vec<u8>> {
    let fd = openat(dir, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()).ok()?;
    let mut file = std::fs::File::from(fd);
    let mut bytes = Vec::new();
    file.by_ref().take(limit).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Name, uid and command line, through the same directory handle as the fd walk.
fn details(pid_dir: &OwnedFd, pid: u32) -> Option<Process> {
    let status = read_at(pid_dir, "status", 64 * 1024)?;
    let status = String::from_utf8_lossy(&status);
    let mut name = None;
    let mut uid = None;
    for line in status.lines() {
        if let Some(v) = line.strip_prefix("Name:") {
            name = Some(v.trim().to_string());
        } else if let Some(v) = line.strip_prefix("Uid:") {
            // real, effective, saved, fs: the effective uid is who the process acts as.
            uid = v.split_whitespace().nth(1).and_then(|u| u.parse().ok());
        }
    }
    // A zombie has a status but no fd table; we only get here after reading its fds.
    let cmdline = read_at(pid_dir, "cmdline", 256 * 1024).unwrap_or_default();
    let cmdline = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    Some(Process {
        pid,
        name: name?,
        cmdline,
        uid,
        user: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socket_links() {
        assert_eq!(socket_inode(b"socket:[4026]"), Some(4026));
        assert_eq!(socket_inode(b"pipe:[4026]"), None);
        assert_eq!(socket_inode(b"socket:[]"), None);
        assert_eq!(socket_inode(b"socket:[12"), None);
        assert_eq!(socket_inode(b"/dev/null"), None);
    }
}
