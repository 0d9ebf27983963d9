using Microsoft.Graph;
using Microsoft.Graph.Models;
using Xunit.Abstractions;

namespace TeamsCrm.FakeGraph.Tests;

/// <summary>
/// The fake keeps file bytes on disk: 100 MB through an upload session and back must neither keep anything like the
/// file reachable (sampled after each slice with a full collection) nor copy it through managed buffers (bytes
/// allocated while it streams). Not a timing test. It runs alone, so that other tests' allocations do not count.
/// </summary>
[Collection(nameof(DriveMemoryTests))]
public sealed class DriveMemoryTests(ITestOutputHelper output)
{
    const long FileSize = 100L * 1024 * 1024;
    const long AllowedGrowth = 24L * 1024 * 1024;

    [Fact]
    public async Task A_100_MB_upload_session_and_its_download_keep_managed_memory_flat()
    {
        await using var bed = await GraphTestBed.StartAsync();
        var library = await bed.CreateLibraryAsync();
        var session = await bed.CreateSessionAsync(library, "big.bin");
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var samples = new HeapSamples();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var result = await new LargeFileUploadTask<DriveItem>(session, new PatternStream(FileSize)).UploadAsync(samples);   // 5 MiB slices
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await using (var download = await bed.Graph.Drives[library.DriveId].Items[result.ItemResponse.Id].Content.GetAsync())
        {
            var buffer = new byte[81920];
            long read = 0;
            int n;
            while ((n = await download!.ReadAsync(buffer)) > 0)
            {
                PatternStream.Check(buffer.AsSpan(0, n), read);
                read += n;
                if (read % (10 * 1024 * 1024) < n) samples.Report(read);
            }
            Assert.Equal(FileSize, read);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"allocated during the upload {allocated / 1024 / 1024} MB; baseline {baseline / 1024 / 1024} MB, peak {samples.Peak / 1024 / 1024} MB over {samples.Count} samples, after {after / 1024 / 1024} MB");
        Assert.True(result.UploadSucceeded);
        Assert.Equal(FileSize, result.ItemResponse.Size);
        Assert.Equal(20, bed.Server.Counters[RouteKind.UploadFragment]);
        Assert.True(allocated < AllowedGrowth, $"the upload allocated {allocated / 1024 / 1024} MB");
        Assert.True(samples.Peak - baseline < AllowedGrowth, $"the heap grew by {(samples.Peak - baseline) / 1024 / 1024} MB during the transfer");
        Assert.True(after - baseline < AllowedGrowth, $"the heap kept {(after - baseline) / 1024 / 1024} MB after the transfer");
        Assert.Equal(FileSize, new FileInfo(bed.Server.State.Drive("Documents").Entry("big.bin")!.Content!.ContentFile).Length);
    }

    /// <summary>Reachable heap after each slice (the task reports synchronously, between requests).</summary>
    sealed class HeapSamples : IProgress<long>
    {
        public long Peak { get; private set; }
        public int Count { get; private set; }

        public void Report(long value)
        {
            Count++;
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true));
        }
    }

    /// <summary>A seekable stream of a given length whose bytes are computed from their position: nothing is held.</summary>
    sealed class PatternStream(long length) : Stream
    {
        public static byte At(long position) => (byte)(position * 31 + (position >> 13));

        public static void Check(ReadOnlySpan<byte> bytes, long position)
        {
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] != At(position + i)) throw new Xunit.Sdk.XunitException($"byte {position + i} differs");
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            for (var i = 0; i < n; i++) buffer[offset + i] = At(Position + i);
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

[CollectionDefinition(nameof(DriveMemoryTests), DisableParallelization = true)]
public sealed class DriveMemoryCollection;
