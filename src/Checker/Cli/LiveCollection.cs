using Compliance.Checker.Live;
using Compliance.Checker.Live.Collection;
using Spectre.Console;

namespace Compliance.Checker.Cli;

/// <summary>Runs a live collection for the CLI, with a progress display on standard error when it is a terminal.</summary>
internal static class LiveCollection
{
    public static async Task<LiveResult> RunAsync(LiveOptions options, CollectionScope scope, CancellationToken cancellationToken)
    {
        using var session = new AwsSession(options, CredentialResolver.Resolve(options.Profile));
        var source = new LiveSource(session, CollectorCatalog.All);
        if (Console.IsErrorRedirected)
        {
            return await source.CollectAsync(scope, progress: null, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        LiveResult? result = null;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async display =>
            {
                var tasks = new Dictionary<(string, string), ProgressTask>();
                var progress = new Progress<CollectionProgress>(p =>
                {
                    lock (tasks)
                    {
                        if (!tasks.TryGetValue((p.Service, p.Region), out var task))
                        {
                            task = tasks[(p.Service, p.Region)] = display.AddTask($"{p.Service} {p.Region}", maxValue: 1).IsIndeterminate();
                        }

                        if (p.Finished)
                        {
                            task.Value = 1;
                            task.StopTask();
                        }
                    }
                });
                result = await source.CollectAsync(scope, progress, cancellationToken);
            });
        return result!;
    }
}
