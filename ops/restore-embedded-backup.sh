#!/usr/bin/env bash
# Restores a backup of the embedded PostgreSQL (a folder written under synovia.database.backup.directory,
# ./data/backups by default) as the data directory. Stop the application first. The data directory being
# replaced is kept beside it as <data directory>.before-restore-<time>, never deleted.
# At the next start PostgreSQL replays the WAL in the backup to a consistent state and Flyway brings the
# schema up to the running version.
# Usage: ops/restore-embedded-backup.sh BACKUP_FOLDER [DATA_DIRECTORY]   (default ./data/postgres)
set -euo pipefail
backup=${1:?usage: ops/restore-embedded-backup.sh BACKUP_FOLDER [DATA_DIRECTORY]}
data=${2:-./data/postgres}
backup=${backup%/}
data=${data%/}

[ -f "$backup/backup_label" ] || { echo "$backup is not a backup of the embedded database (no backup_label)" >&2; exit 2; }
if [ -f "$data/postmaster.pid" ] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null; then
  echo "PostgreSQL is running on $data: stop the application first" >&2
  exit 3
fi
if [ -e "$data" ]; then
  kept="$data.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  mv "$data" "$kept"
  echo "kept the replaced data directory as $kept"
fi
mkdir -p "$(dirname "$data")"
cp -a "$backup" "$data"
rm -f "$data/BACKUP.txt"
chmod 700 "$data"
echo "restored $backup into $data; start the application to replay its WAL"
