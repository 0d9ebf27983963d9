using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Archive.Sqlite;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/TeamsCrm.Benchmarks -- documents [--sizes 20,100] [--latency 20]</c>: files of
/// those sizes (MiB) received by the SharePoint document store (through an upload session, the real Graph SDK against the
/// fake Graph on loopback, every HTTP round trip delayed by the latency) and by the SQLite store beside it, then read back.
/// For each: seconds, Graph round trips, and the process's peak memory growth sampled while it ran. The bytes come from a
/// forward-only stream that computes them (as a chat download gives them), so the file itself is never in memory; the
/// stored and read-back SHA-256 must equal the sent one (exit code 1 otherwise). Memory and time are reported, not judged.
/// </summary>
public static class DocumentsBenchmark
{
    const string Site = "contoso.sharepoint.com,6f6e27a8-6d54-4f0a-9a1e-0b4c1d0e6c11,9b2c4d1e-3f5a-4b6c-8d7e-1f2a3b4c5d6e";
    const double MemoryGoalMb = 30;
    const string Uploader = "7a1c0000-0000-4000-8000-000000000011";

    sealed record Row(string Store, int Mib, string Operation, double Seconds, long? RoundTrips, MemorySampler Memory, bool Correct);

    /// <summary>A stored document and the SHA-256 of the bytes sent (receive) or read back (read back).</summary>
    sealed record Received(CustomerDocument Document, string Sent);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = (Value(args, "--sizes") ?? "20,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var latency = int.Parse(Value(args, "--latency") ?? "20", CultureInfo.InvariantCulture);
        var work = Path.Combine(Path.GetTempPath(), "teamscrm-bench-documents-" + Guid.NewGuid().ToString("N"));
        var rows = new List<Row>();
        try
        {
            await using var server = await FakeGraphServer.StartAsync(new FakeGraphOptions { ContentRoot = Path.Combine(work, "fake-sharepoint") });
            var site = new SharePointSettings(Site, new Uri(server.BaseUrl)).Connect();
            await new Provisioner(site).RunAsync();
            var sharePoint = new SharePointArchive(site, TimeProvider.System, NullLoggerFactory.Instance, Path.Combine(work, "spool")).Documents;
            var sqlite = new SqliteArchive(new SqliteDatabase(Path.Combine(work, "crm.db")), TimeProvider.System, Path.Combine(work, "documents")).Documents;
            foreach (var store in new[] { sharePoint, sqlite })
            {
                await ReceiveAsync(store, 1024);            // warm-up: JIT, the drive, the inbox folder…
                await ReceiveAsync(store, 5 * 1024 * 1024 + 1);   // …and the upload session's path
            }
            server.Latency = TimeSpan.FromMilliseconds(latency);
            foreach (var mib in sizes)
                foreach (var (name, store) in new[] { ("SharePoint (fake Graph)", sharePoint), ("SQLite (local folder)", sqlite) })
                {
                    var isSharePoint = store == sharePoint;
                    var (document, received) = await MeasureAsync(name, mib, "receive", isSharePoint ? server : null,
                        () => ReceiveAsync(store, (long)mib * 1024 * 1024));
                    var (_, read) = await MeasureAsync(name, mib, "read back", isSharePoint ? server : null, () => ReadBackAsync(store, document.Document));
                    rows.AddRange(received, read);
                    Console.Error.WriteLine($"{name}, {mib} MiB: receive {received.Seconds:0.00} s, read back {read.Seconds:0.00} s");
                }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
        Console.WriteLine(Table(rows, latency));
        return rows.All(r => r.Correct) ? 0 : 1;
    }

    /// <summary>Runs one operation with the memory sampler on; correct when the hash the store kept equals the one sent (or read back).</summary>
    static async Task<(Received Result, Row Row)> MeasureAsync(string store, int mib, string operation, FakeGraphServer? server, Func<Task<Received>> run)
    {
        var calls = server?.Counters.HttpCalls ?? 0;
        Received result;
        var started = Stopwatch.GetTimestamp();
        var memory = new MemorySampler();
        using (memory) result = await run();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (result, new Row(store, mib, operation, seconds, server is null ? null : server.Counters.HttpCalls - calls, memory,
            result.Document.ContentHash == result.Sent));
    }

    static async Task<Received> ReceiveAsync(IDocumentStore store, long bytes)
    {
        var source = new GeneratedStream(bytes);
        var document = await store.ReceiveAsync(new CustomerDocument
        {
            Id = Guid.NewGuid().ToString("N"), Title = "", OriginalName = $"survey-{bytes}.pdf", ContentType = "application/pdf", Size = 0,
            ContentHash = "", UploadedByAadObjectId = Uploader, UploadedAt = DateTimeOffset.UtcNow,
        }, source, long.MaxValue);
        return new Received(document, source.Sha256());
    }

    /// <summary>The content streamed to its end through a small buffer and hashed: nothing of it kept.</summary>
    static async Task<Received> ReadBackAsync(IDocumentStore store, CustomerDocument document)
    {
        await using var content = await store.OpenReadAsync(document);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(buffer)) > 0) hash.AppendData(buffer, 0, n);
        return new Received(document, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    static string Table(IReadOnlyList<Row> rows, int latency)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"Documents received (spooled, measured, stored) and read back: the SharePoint store through Graph SDK 6.10 → fake Graph server on loopback with {latency} ms added to every HTTP round trip (upload session, 5 MiB slices), and the SQLite store (a local folder) beside it."));
        s.AppendLine($"Machine: {ResultTable.Machine()}. Memory is the whole process (the store, the SDK and the fake Graph server in it), sampled every 5 ms against a baseline taken after a full collection.");
        s.AppendLine();
        s.AppendLine("| Store | File | Operation | Seconds | Graph round trips | Peak working set growth MB | Peak managed heap growth MB | Allocated MB | Bytes intact |");
        s.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
            s.AppendLine(Invariant($"| {r.Store} | {r.Mib} MiB | {r.Operation} | {r.Seconds:0.00} | {(r.RoundTrips is { } n ? n.ToString(CultureInfo.InvariantCulture) : "—")} | {r.Memory.PeakWorkingSetGrowthMb:0.0} | {r.Memory.PeakHeapGrowthMb:0.0} | {r.Memory.AllocatedMb:0.0} | {(r.Correct ? "yes" : "NO")} |"));
        s.AppendLine();
        var largest = rows.Where(r => r.Store.StartsWith("SharePoint", StringComparison.Ordinal) && r.Operation == "receive").MaxBy(r => r.Mib);
        if (largest is not null)
        {
            var peak = Math.Max(largest.Memory.PeakWorkingSetGrowthMb, largest.Memory.PeakHeapGrowthMb);
            s.AppendLine(Invariant($"Goal: peak memory growth < {MemoryGoalMb:0} MB while SharePoint receives the {largest.Mib} MiB file — {peak:0.0} MB ({(peak < MemoryGoalMb ? "met" : "missed")})."));
        }
        return s.ToString();
    }

    static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A forward-only stream of a given length whose bytes are computed from their position, hashed as they go out.</summary>
    sealed class GeneratedStream(long length) : Stream
    {
        readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long _position;

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = (byte)((_position + i) * 31 + ((_position + i) >> 13));
            _hash.AppendData(buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
