using System.Globalization;
using Microsoft.Data.Sqlite;
using MtaAudit.Collect.Ssh;
using MtaAudit.Fleet;

namespace MtaAudit.Store;

/// <summary>
/// The results of fleet scans, in SQLite (WAL): runs, their hosts (the plan, in inventory order),
/// and one result per host written the moment the host finishes (raw bundle, verdict, failure).
/// A run killed at any point loses at most the hosts still in flight; <c>--resume</c> redoes
/// exactly those. The primary key (run, host) keeps every host's result exactly once.
/// </summary>
public sealed class FleetStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly object _write = new();

    public string Path { get; }

    private FleetStore(string path, SqliteConnection db)
    {
        Path = path;
        _db = db;
    }

    /// <summary>Opens (creating when missing) the store. Throws <see cref="StoreException"/> naming the file.</summary>
    public static FleetStore Open(string path)
    {
        try
        {
            var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            // SQLite follows a symlink at the store's name and at its side files: a planted one is refused (checked, then opened: a
            // narrow window remains, closed only by a directory others cannot write).
            foreach (var side in new[] { "", "-wal", "-shm", "-journal" }) MtaAudit.Io.SafeFile.RefuseLink(path + side);
            var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            db.Open();
            Exec(db, """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=NORMAL;
                PRAGMA busy_timeout=10000;
                CREATE TABLE IF NOT EXISTS runs(
                  id INTEGER PRIMARY KEY,
                  started TEXT NOT NULL,
                  finished TEXT,
                  source TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS hosts(
                  run_id INTEGER NOT NULL REFERENCES runs(id),
                  ord INTEGER NOT NULL,
                  name TEXT NOT NULL,
                  address TEXT NOT NULL,
                  port INTEGER NOT NULL,
                  user TEXT,
                  PRIMARY KEY(run_id, name));
                -- The report reads hosts in inventory order: without this index SQLite sorts the joined rows,
                -- every bundle blob included, in a temporary b-tree (memory grew with the fleet: 285 MB at 1,000).
                CREATE INDEX IF NOT EXISTS hosts_order ON hosts(run_id, ord);
                CREATE TABLE IF NOT EXISTS results(
                  run_id INTEGER NOT NULL,
                  name TEXT NOT NULL,
                  finished TEXT NOT NULL,
                  elapsed_ms INTEGER NOT NULL,
                  exit_status INTEGER,
                  failure TEXT,
                  message TEXT,
                  verdict TEXT,
                  bundle BLOB,
                  PRIMARY KEY(run_id, name),
                  FOREIGN KEY(run_id, name) REFERENCES hosts(run_id, name));
                -- This process's judgement of each host it scanned (Fleet/JudgedHostCodec): the report renders it
                -- instead of judging the bundle again. TEMP: gone with the connection, so a resumed run or a later
                -- report never reuses a judgement made with other knowledge or another policy.
                CREATE TEMP TABLE IF NOT EXISTS judged(
                  run_id INTEGER NOT NULL,
                  name TEXT NOT NULL,
                  data BLOB NOT NULL,
                  PRIMARY KEY(run_id, name));
                """);
            return new FleetStore(path, db);
        }
        catch (SqliteException e)
        {
            throw new StoreException(Glossary.Say("err.store.open", ("path", path), ("cause", TerminalText.Clean(e.Message))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(Glossary.Say("err.store.open", ("path", path), ("cause", TerminalText.Clean(e.Message))));
        }
    }

    /// <summary>A new run with its hosts, in one transaction.</summary>
    public long NewRun(IReadOnlyList<Target> targets, string source)
    {
        lock (_write)
        {
            using var tx = _db.BeginTransaction();
            using var run = _db.CreateCommand();
            run.Transaction = tx;
            run.CommandText = "INSERT INTO runs(started, source) VALUES($t, $s); SELECT last_insert_rowid();";
            run.Parameters.AddWithValue("$t", Now());
            run.Parameters.AddWithValue("$s", source);
            long id = (long)run.ExecuteScalar()!;
            using var host = _db.CreateCommand();
            host.Transaction = tx;
            host.CommandText = "INSERT INTO hosts(run_id, ord, name, address, port, user) VALUES($r, $o, $n, $a, $p, $u)";
            var pr = host.Parameters.Add("$r", SqliteType.Integer);
            var po = host.Parameters.Add("$o", SqliteType.Integer);
            var pn = host.Parameters.Add("$n", SqliteType.Text);
            var pa = host.Parameters.Add("$a", SqliteType.Text);
            var pp = host.Parameters.Add("$p", SqliteType.Integer);
            var pu = host.Parameters.Add("$u", SqliteType.Text);
            int ord = 0;
            foreach (var t in targets)
            {
                pr.Value = id; po.Value = ord++; pn.Value = t.Name; pa.Value = t.Address; pp.Value = t.Port;
                pu.Value = (object?)t.User ?? DBNull.Value;
                host.ExecuteNonQuery();
            }
            tx.Commit();
            return id;
        }
    }

    /// <summary>The newest run's id, or null when the store has none.</summary>
    public long? LastRun()
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT MAX(id) FROM runs";
        return c.ExecuteScalar() is long id ? id : null;
    }

    public bool RunExists(long run)
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT COUNT(*) FROM runs WHERE id=$r";
        c.Parameters.AddWithValue("$r", run);
        return (long)c.ExecuteScalar()! > 0;
    }

    /// <summary>The run's hosts that have no result yet, in inventory order.</summary>
    public List<Target> Pending(long run)
    {
        using var c = _db.CreateCommand();
        c.CommandText = """
            SELECT h.name, h.address, h.port, h.user FROM hosts h
            LEFT JOIN results r ON r.run_id = h.run_id AND r.name = h.name
            WHERE h.run_id = $r AND r.name IS NULL ORDER BY h.ord
            """;
        c.Parameters.AddWithValue("$r", run);
        using var rd = c.ExecuteReader();
        var list = new List<Target>();
        while (rd.Read()) list.Add(new Target(rd.GetString(0), rd.GetString(1), rd.GetInt32(2), rd.IsDBNull(3) ? null : rd.GetString(3)));
        return list;
    }

    public int HostCount(long run)
    {
        using var c = _db.CreateCommand();
        c.CommandText = "SELECT COUNT(*) FROM hosts WHERE run_id=$r";
        c.Parameters.AddWithValue("$r", run);
        return (int)(long)c.ExecuteScalar()!;
    }

    /// <summary>Forgets the failed results of a run so a resume tries those hosts again (--retry-failed).</summary>
    public int ForgetFailures(long run)
    {
        lock (_write)
        {
            using var c = _db.CreateCommand();
            c.CommandText = "DELETE FROM results WHERE run_id=$r AND failure IS NOT NULL AND bundle IS NULL";
            c.Parameters.AddWithValue("$r", run);
            return c.ExecuteNonQuery();
        }
    }

    /// <summary>Writes one host's result; committed when this returns (the WAL survives a kill of this process).</summary>
    public void Save(long run, string name, HostCollection c, string? verdict, byte[]? judged = null)
    {
        lock (_write)
        {
            if (judged is not null)
            {
                // Before the result: a result is only ever there with its judgement (the report must not find it without).
                using var j = _db.CreateCommand();
                j.CommandText = "INSERT OR REPLACE INTO temp.judged(run_id, name, data) VALUES($r, $n, $d)";
                j.Parameters.AddWithValue("$r", run);
                j.Parameters.AddWithValue("$n", name);
                j.Parameters.Add("$d", SqliteType.Blob).Value = judged;
                j.ExecuteNonQuery();
            }
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO results(run_id, name, finished, elapsed_ms, exit_status, failure, message, verdict, bundle)
                VALUES($r, $n, $t, $e, $x, $f, $m, $v, $b)
                ON CONFLICT(run_id, name) DO NOTHING
                """;
            cmd.Parameters.AddWithValue("$r", run);
            cmd.Parameters.AddWithValue("$n", name);
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.Parameters.AddWithValue("$e", (long)c.Elapsed.TotalMilliseconds);
            cmd.Parameters.AddWithValue("$x", (object?)c.ExitStatus ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$f", (object?)c.Failure?.Name() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", (object?)StoredSaying.Encode(c.Message) ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$v", (object?)verdict ?? DBNull.Value);
            cmd.Parameters.Add("$b", SqliteType.Blob).Value = c.Output.Length > 0 ? c.Output : DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    public void Finish(long run)
    {
        lock (_write)
        {
            using var c = _db.CreateCommand();
            c.CommandText = "UPDATE runs SET finished=$t WHERE id=$r";
            c.Parameters.AddWithValue("$t", Now());
            c.Parameters.AddWithValue("$r", run);
            c.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// One stored host result, in inventory order. <see cref="Judged"/>: this process's judgement of it, when it made one;
    /// then <see cref="Bundle"/> is not read (null), as the report needs only the judgement.
    /// </summary>
    public sealed record Row(string Name, string Address, int Port, string? User, bool Done, HostFailure? Failure, string? Message, byte[]? Bundle,
        byte[]? Judged = null);

    /// <summary>Every host of the run in inventory order, one row at a time (a streaming reader: memory holds one bundle).</summary>
    /// <param name="bundlePrefix">only the first bytes of each bundle (its header), not the whole of it</param>
    public IEnumerable<Row> Rows(long run, int? bundlePrefix = null)
    {
        using var c = _db.CreateCommand();
        c.CommandText = """
            SELECT h.name, h.address, h.port, h.user, r.name IS NOT NULL, r.failure, r.message,
                   CASE WHEN j.data IS NULL THEN (CASE WHEN $p IS NULL THEN r.bundle ELSE substr(r.bundle, 1, $p) END) END, j.data
            FROM hosts h LEFT JOIN results r ON r.run_id = h.run_id AND r.name = h.name
            LEFT JOIN temp.judged j ON j.run_id = h.run_id AND j.name = h.name
            WHERE h.run_id = $r ORDER BY h.ord
            """;
        c.Parameters.AddWithValue("$r", run);
        c.Parameters.AddWithValue("$p", (object?)bundlePrefix ?? DBNull.Value);
        using var rd = c.ExecuteReader();
        while (rd.Read())
        {
            yield return new Row(rd.GetString(0), rd.GetString(1), rd.GetInt32(2), rd.IsDBNull(3) ? null : rd.GetString(3),
                rd.GetBoolean(4), rd.IsDBNull(5) ? null : HostFailureNames.Parse(rd.GetString(5)),
                rd.IsDBNull(6) ? null : rd.GetString(6), rd.IsDBNull(7) ? null : (byte[])rd.GetValue(7),
                rd.IsDBNull(8) ? null : (byte[])rd.GetValue(8));
        }
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection db, string sql)
    {
        using var c = db.CreateCommand();
        c.CommandText = sql;
        c.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>A store that cannot be opened or read; the message names the file.</summary>
public sealed class StoreException(Localized said) : Exception(said.En), ISaid
{
    public Localized Said => said;
}
