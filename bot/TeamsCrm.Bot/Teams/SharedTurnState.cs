using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Scale;
using TeamsCrm.BotFramework.Hosting;

namespace TeamsCrm.Bot.Teams;

public static class SharedTurnState
{
    /// <summary>
    /// What instances behind one address must agree on — which deliveries ran, the Teams send budget, which references are
    /// saved — kept in Redis when there is a Redis (<see cref="ScaleOut"/>, <c>Scale:Redis</c>), else by each process.
    /// </summary>
    public static IServiceCollection AddSharedTurnState(this IServiceCollection services)
    {
        services.AddSingleton<SendPacer>();
        services.AddSingleton<LocalSavedReferences>();
        services.AddSingleton<ISendBudget>(sp => sp.GetRequiredService<ScaleOut>().Redis is { } redis
            ? new RedisSendBudget(redis, sp.GetRequiredService<SendPacer>(), sp.GetRequiredService<TimeProvider>()) : sp.GetRequiredService<SendPacer>());
        services.AddSingleton<ISavedReferences>(sp => sp.GetRequiredService<ScaleOut>().Redis is { } redis
            ? new RedisSavedReferences(redis) : sp.GetRequiredService<LocalSavedReferences>());
        services.AddSingleton<IRedeliveryLedger>(sp => sp.GetRequiredService<ScaleOut>().Redis is { } redis
            ? new RedisRedeliveries(redis, sp.GetRequiredService<ActivityDeduplicator>()) : sp.GetRequiredService<ActivityDeduplicator>());
        return services;
    }
}
