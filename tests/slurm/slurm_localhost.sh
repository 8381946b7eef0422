#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on 127.0.0.1 for the campaign test (tests/slurm/check_slurm.py).
#
#   slurm_localhost.sh up WORKDIR     start munged, slurmctld and slurmd with everything in WORKDIR;
#                                     returns once the node is idle; WORKDIR/slurm.conf is the config
#   slurm_localhost.sh down WORKDIR   stop what `up` started (by the PIDs it wrote), nothing else
#
# Nothing is shared with a system installation: the munge key and socket, the Slurm state, spool,
# logs and PID files all live in WORKDIR, and the two Slurm ports are free ones picked at start, so a
# machine-wide munged or Slurm (or a second copy of this test) is not disturbed. Daemons stay in the
# foreground (-D / --foreground) so the PID recorded is the daemon's own. Needs root (slurmd starts
# the job steps as the submitting user) and the Debian packages slurmctld, slurmd, slurm-client, munge.
set -euo pipefail

action=${1:?usage: slurm_localhost.sh up|down WORKDIR}
work=${2:?usage: slurm_localhost.sh up|down WORKDIR}
mkdir -p "$work"
work=$(cd "$work" && pwd)
conf=$work/slurm.conf

note() { echo "slurm_localhost: $*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

stop() {  # stop NAME: TERM the PID in $work/NAME.pid, KILL it after 10 s
  local file=$work/$1.pid pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    note "stopped $1 (pid $pid)"
  fi
  rm -f "$file"
}

up() {
  [ "$(id -u)" = 0 ] || { note "needs root"; exit 1; }
  for tool in munged slurmctld slurmd sbatch sinfo; do
    command -v "$tool" >/dev/null || { note "$tool not found: install slurmctld slurmd slurm-client munge"; exit 1; }
  done
  mkdir -p "$work/state" "$work/spool" "$work/log" "$work/munge"
  # munge: a private key and socket; munged wants its folders private to its user (root here).
  chmod 700 "$work/munge"
  dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$work/munge/munge.key"
  munged --foreground --force --socket="$work/munge/socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
    >>"$work/log/munged.out" 2>&1 &
  echo $! >"$work/munged.pid"
  for _ in $(seq 50); do [ -S "$work/munge/socket" ] && break; sleep 0.1; done
  munge --socket="$work/munge/socket" -n | unmunge --socket="$work/munge/socket" >/dev/null \
    || { note "munge does not work"; cat "$work/log/munged.log" >&2; exit 1; }

  local cpus memory_mb
  cpus=$(nproc)
  memory_mb=$(awk '/^MemTotal/ { print int($2 / 1024 / 2) }' /proc/meminfo)
  cat >"$conf" <<CONF
# Written by tests/slurm/slurm_localhost.sh: one node, this machine, on the loopback address.
ClusterName=fleetsim-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.own.pid
SlurmdPidFile=$work/slurmd.own.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Schedule at once instead of batching submissions for 3 s: the test's jobs last seconds.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory_mb State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$conf
  slurmctld -D -f "$conf" >>"$work/log/slurmctld.out" 2>&1 &
  echo $! >"$work/slurmctld.pid"
  slurmd -D -N localhost -f "$conf" >>"$work/log/slurmd.out" 2>&1 &
  echo $! >"$work/slurmd.pid"
  for _ in $(seq 300); do
    [ "$(sinfo -h -n localhost -o %T 2>/dev/null)" = idle ] && { note "node idle; SLURM_CONF=$conf"; return 0; }
    sleep 0.1
  done
  note "the node did not become idle"
  tail -n 20 "$work"/log/*.log >&2 || true
  exit 1
}

down() {
  if [ -s "$work/slurmctld.pid" ] && kill -0 "$(cat "$work/slurmctld.pid")" 2>/dev/null; then
    SLURM_CONF=$conf scancel --full --quiet --user=root 2>/dev/null || true
  fi
  stop slurmd
  stop slurmctld
  stop munged
}

case $action in
  up) up ;;
  down) down ;;
  *) note "unknown action '$action' (up or down)"; exit 2 ;;
esac
