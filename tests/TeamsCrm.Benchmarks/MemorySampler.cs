using System.Diagnostics;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The process's memory while something runs, sampled every few milliseconds on a thread of its own: peak working set and
/// peak managed heap (as the GC counts it, garbage not yet collected included) above a baseline taken after a full
/// collection, and the bytes allocated meanwhile (a file copied through managed buffers would show here).
/// </summary>
public sealed class MemorySampler : IDisposable
{
    readonly long _baseHeap, _baseWorkingSet, _baseAllocated;
    readonly Thread _thread;
    volatile bool _stop;
    long _peakHeap, _peakWorkingSet;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        (_baseHeap, _baseWorkingSet, _baseAllocated) = (GC.GetTotalMemory(false), WorkingSet(), GC.GetTotalAllocatedBytes(precise: true));
        (_peakHeap, _peakWorkingSet) = (_baseHeap, _baseWorkingSet);
        _thread = new Thread(Sample) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    public double PeakHeapGrowthMb => (_peakHeap - _baseHeap) / 1024.0 / 1024;
    public double PeakWorkingSetGrowthMb => (_peakWorkingSet - _baseWorkingSet) / 1024.0 / 1024;
    public double AllocatedMb { get; private set; }

    void Sample()
    {
        while (!_stop)
        {
            _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(false));
            _peakWorkingSet = Math.Max(_peakWorkingSet, WorkingSet());
            Thread.Sleep(5);
        }
    }

    static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        AllocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - _baseAllocated) / 1024.0 / 1024;
    }
}
