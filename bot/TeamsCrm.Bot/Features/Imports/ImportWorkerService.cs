using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>
/// Runs the chat's import jobs one at a time (an import is heavy; one per instance is plenty), and every lease period resumes
/// applies cut short — on this instance or one that stopped.
/// </summary>
public sealed partial class ImportWorkerService(ImportDesk desk, TimeProvider clock, IOptions<ImportOptions> options, ILogger<ImportWorkerService> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunSweep ? Task.WhenAll(JobsAsync(stoppingToken), SweepAsync(stoppingToken)) : JobsAsync(stoppingToken);

    async Task JobsAsync(CancellationToken ct)
    {
        await foreach (var job in desk.Jobs.ReadAllAsync(ct))
        {
            try
            {
                await desk.RunAsync(job, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // An apply stays "applying" and is resumed by the sweep once its lease has passed; a check is pressed again.
                LogJobFailed(log, job.RunId, job.Apply, e);
            }
        }
    }

    async Task SweepAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(ImportProgress.Lease, clock);
        do
        {
            try
            {
                await desk.ResumeDueAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogSweepFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import run {RunId} (apply: {Apply}) failed; an apply resumes where it stopped")]
    static partial void LogJobFailed(ILogger logger, string runId, bool apply, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "The sweep of imports cut short failed; it runs again at the next tick")]
    static partial void LogSweepFailed(ILogger logger, Exception e);
}
