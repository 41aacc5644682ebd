// Runs cdk-nag's PCI DSS 3.2.1 pack over every stack of a cdk.out folder.
// cdk-nag exists only for TypeScript/JavaScript CDK apps; the C# app's templates are loaded with CfnInclude, so the
// checks see the same resources, and the exceptions the C# code declares (cdk_nag metadata, each with its reason,
// see src/Infra/NagExceptions.cs) are honoured. Exit code: 0 when no unsuppressed error or warning remains.
const fs = require('fs');
const path = require('path');
const cdk = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { PCIDSS321Checks } = require('cdk-nag');

const cdkOut = path.resolve(process.argv[2] || 'cdk.out');
const manifestPath = path.join(cdkOut, 'manifest.json');
if (!fs.existsSync(manifestPath)) {
  console.error(`error: ${manifestPath} not found; synthesize first: dotnet run --project src/Infra`);
  process.exit(2);
}

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const app = new cdk.App({ outdir: fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdk-nag-')) });
let stacks = 0;
for (const [name, artifact] of Object.entries(manifest.artifacts)) {
  if (artifact.type !== 'aws:cloudformation:stack') continue;
  // The legacy synthesizer adds no bootstrap parameter of its own, so the included one does not collide.
  const stack = new cdk.Stack(app, name, { synthesizer: new cdk.LegacyStackSynthesizer() });
  new CfnInclude(stack, 'Template', { templateFile: path.join(cdkOut, artifact.properties.templateFile) });
  stacks++;
}

cdk.Aspects.of(app).add(new PCIDSS321Checks({ verbose: true }));
const assembly = app.synth();
let findings = 0;
for (const stack of assembly.stacks) {
  for (const message of stack.messages) {
    if (message.level !== 'error' && message.level !== 'warning') continue;
    findings++;
    console.log(`${message.level.toUpperCase()} ${stack.stackName} ${message.id.replace(`/${stack.stackName}/Template/`, '')} ${String(message.entry.data).split(' - ')[0]}`);
  }
}

console.log(`${stacks} stacks checked against PCI DSS 3.2.1 (cdk-nag): ${findings} unsuppressed findings`);
process.exit(findings === 0 ? 0 : 1);
