using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Operations;

namespace TeamsCrm.Bot.Scale;

public static partial class ScaleServices
{
    /// <summary>
    /// <see cref="ScaleOut"/>: the <see cref="RedisConnection"/> the shared implementations use when <c>Scale:Redis</c> is
    /// set, none otherwise; and a check at start that warns when more than one instance is configured (<c>Host:Instances</c>)
    /// and nothing is shared.
    /// </summary>
    public static IServiceCollection AddScale(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScaleOptions>().Bind(configuration.GetSection(ScaleOptions.Section));
        // Read when first asked, not here: the configuration is complete only once the host is built.
        services.AddSingleton(sp => new ScaleOut(sp.GetRequiredService<IOptions<ScaleOptions>>().Value is { UsesRedis: true } o
            ? new RedisConnection(o.Redis!, configuration["Bot:AppId"] ?? "", sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisConnection>>())
            : null));
        services.AddHostedService<ScaleStartCheck>();
        return services;
    }

    /// <summary>Says at start what several instances share, or that they share nothing when more than one is configured.</summary>
    sealed partial class ScaleStartCheck(IOptions<ScaleOptions> scale, IOptions<HostingOptions> hosting, ILogger<ScaleStartCheck> log) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            var instances = hosting.Value.Instances;
            if (scale.Value.UsesRedis) LogShared(log, instances);
            else if (instances > 1) LogNotShared(log, instances);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scale: redelivery dedup, the Teams send budget and saved conversations are shared through Redis (Host:Instances {Instances})")]
    static partial void LogShared(ILogger logger, int instances);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Host:Instances is {Instances} but Scale:Redis is not set: each instance deduplicates redeliveries, " +
        "paces its Teams sends and remembers saved conversations on its own, so together they may exceed Teams' per-tenant send limit " +
        "and redo a redelivered turn on another instance. Set Scale:Redis to share them.")]
    static partial void LogNotShared(ILogger logger, int instances);
}
