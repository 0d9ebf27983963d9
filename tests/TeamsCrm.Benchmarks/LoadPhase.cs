using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// One phase: <c>concurrency</c> workers share one HttpClient (one connection each) and post the prepared
/// bodies back to back until all are sent or the time limit passes, whatever happens first. Requests still in
/// flight at the limit get a short grace to finish; after that they are cancelled and count as failed, so a
/// phase ends even when the bot hangs.
/// </summary>
public static class LoadPhase
{
    const int NotSent = 0, NoAnswer = -1;
    static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static Task<PhaseResult> RunAsync(TestBot bot, Probes probes, PhaseRequests requests, int concurrency, TimeSpan limit) =>
        RunAsync(bot.BaseUrl, bot.Connector, probes, requests, concurrency, limit);

    /// <summary>The same phase against any server on <paramref name="baseUrl"/> that answers through <paramref name="connector"/> (the ceiling).</summary>
    public static async Task<PhaseResult> RunAsync(Uri baseUrl, FakeConnector connector, Probes probes, PhaseRequests requests, int concurrency, TimeSpan limit)
    {
        var count = requests.Bodies.Length;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };   // the phase's own limit rules
        var url = new Uri(baseUrl, "api/messages");
        var clientMs = new double[count];
        var statuses = new int[count];

        connector.Clear();
        probes.Server.Reset(count);
        probes.Connector.Reset(count);
        // Start from a collected heap so one phase's garbage is not billed to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = ProcessCpu();

        using var stop = new CancellationTokenSource(limit + Grace);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var next = -1;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var i && i < count && Stopwatch.GetTimestamp() < deadline)
                (statuses[i], clientMs[i]) = await PostAsync(http, url, requests.Bodies[i], stop.Token);
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpu = ProcessCpu() - cpuBefore;

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = (GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
        var sent = Enumerable.Range(0, count).Where(i => statuses[i] != NotSent).ToArray();
        var answered = sent.Where(i => statuses[i] == (int)HttpStatusCode.OK).Select(i => requests.Ids[i]).ToArray();

        var result = new PhaseResult
        {
            Concurrency = concurrency,
            Planned = count,
            Completed = sent.Length,
            Elapsed = elapsed,
            ClientMs = sent.Select(i => clientMs[i]).Order().ToArray(),
            ServerMs = await probes.Server.TakeSortedAsync(sent.Length),
            ConnectorMs = await probes.Connector.TakeSortedAsync(answered.Length),
            Failed = sent.Length - answered.Length,
            ReplyProblem = requests.Problem(connector.Calls, answered),
            AllocatedBytes = allocated,
            CpuTime = cpu,
            WorkingSetBytes = Environment.WorkingSet,
            Collections = collections,
        };
        connector.Clear();   // the recorded calls are checked: let them go
        return result;
    }

    static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    static async Task<(int Status, double Ms)> PostAsync(HttpClient http, Uri url, byte[] body, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, stop);
            await response.Content.LoadIntoBufferAsync(stop);
            return ((int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (NoAnswer, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
}
