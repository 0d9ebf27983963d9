using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>
/// Where the turns already run are remembered, so that an activity the connector redelivers (after ~15 s without an answer)
/// is answered from its first run instead of running again. <see cref="ActivityDeduplicator"/> remembers in the process;
/// the app may put one in front that every instance shares.
/// </summary>
public interface IRedeliveryLedger
{
    /// <summary>Runs <paramref name="turn"/> unless <paramref name="key"/> ran already; returns the answer and whether this was the run.</summary>
    Task<(InvokeResponse? Answer, bool FirstRun)> RunOnceAsync(string? key, Func<Task<InvokeResponse?>> turn);
}
