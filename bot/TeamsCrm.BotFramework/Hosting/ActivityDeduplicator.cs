using TeamsCrm.BotFramework.Caching;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// The connector redelivers an activity whose turn took too long (~15 s). The same activity id within
/// 10 minutes is processed once: a redelivery waits for the first run and gets its answer.
/// Per process: several instances share a ledger in front of it (the app's Redis one), and the archive's idempotency keys
/// (the app writes with them) hold where none is.
/// </summary>
public sealed class ActivityDeduplicator(TimeProvider clock) : IRedeliveryLedger
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    /// <summary>
    /// Each entry holds its turn's answer (an invoke's card can be tens of KB), so the memory is capped: 10,000 keeps the
    /// whole window up to ~16 turns a second, and past that the oldest go — redeliveries come within a minute or so.
    /// </summary>
    public const int MaxRemembered = 10_000;
    readonly BoundedCache<string, TaskCompletionSource<object?>> _seen = new(MaxRemembered, Window, clock, StringComparer.Ordinal);

    public Task<(InvokeResponse? Answer, bool FirstRun)> RunOnceAsync(string? key, Func<Task<InvokeResponse?>> turn) =>
        RunOnceAsync<InvokeResponse>(key, turn);

    /// <summary>Runs <paramref name="turn"/> unless <paramref name="key"/> ran already; returns the answer and whether this was the first run.</summary>
    /// <remarks>The first run's promise goes in before it starts; a delivery that finds one waits for it (no lock held while either runs).</remarks>
    public async Task<(T? Result, bool FirstRun)> RunOnceAsync<T>(string? key, Func<Task<T?>> turn) where T : class
    {
        if (key is null) return (await turn(), true);
        var promise = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (run, firstRun) = _seen.GetOrAdd(key, () => promise);
        if (!firstRun) return ((T?)await run.Task, false);
        try
        {
            var result = await turn();
            promise.SetResult(result);
            return (result, true);
        }
        catch (Exception e)
        {
            _seen.Remove(key, promise);   // a failed turn may be retried by redelivery
            promise.SetException(e);
            _ = promise.Task.Exception;   // observed: a redelivery waiting for it gets it; nobody else needs to
            throw;
        }
    }
}
