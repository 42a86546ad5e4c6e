/**
 * The lists a list token may stand for: a CloudFormation list parameter's `valueAsList`, `Fn.split()`,
 * `Token.asList()`. Each of these props reaches the template as it is given, so none of its elements
 * needs to be known at synthesis, and its rules judge only the elements a literal list writes out.
 * Every other list must be written out in the app, because the library reads its elements while it
 * synthesizes: it binds security groups and endpoints, builds one IAM resource per Region, counts the
 * connectors of each type. The boundary (lib/private/boundary.ts) refuses a list token anywhere else,
 * and test/boundary.test.ts passes one to every list of the API table.
 *
 * Keys are `Struct.field`, as the API table names them.
 */
export const LIST_TOKEN_FIELDS: ReadonlySet<string> = new Set([
  'ApplicationProps.instanceFamilies',
  'ApplicationProps.platforms',
  'DirectoryConfigProps.organizationalUnitDistinguishedNames',
  'ElasticFleetProps.usbDeviceFilterStrings',
  'FleetProps.usbDeviceFilterStrings',
  'ImageBuilderProps.softwaresToInstall',
  'ImageBuilderProps.softwaresToUninstall',
  'StackProps.embedHostDomains',
]);
