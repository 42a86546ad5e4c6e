/**
 * The limits of the Image Assistant CLI (`image-assistant.exe` on Windows builders,
 * `AppStreamImageAssistant` on Linux ones), which the agent calls inside an image builder. The CLI is no
 * API call of botocore's model, so these rules are not exported with the others (the model conformance
 * test could not check them): test/recipe.test.ts checks each against the one description of the
 * documented CLI, agent/internal/standin-assistant/cli.json, that the agent's stand-in Image Assistant
 * enforces too. Tags: [cli] the CLI's documentation, quoted in that file; [lib] a rule of this library
 * (the recipe document's schema, agent/schema/request-v1.schema.json).
 */
import { CountRule, RangeRule, StringRule } from './engine';

/** [cli] add-application: "You can add up to 50 applications to the application catalog." */
export const IMAGE_ASSISTANT_APPLICATIONS: CountRule = { sources: ['ImageAssistant.add-application'], maxItems: 50 };

/** [cli] add-application --name: at most 256 characters, unique, no spaces. */
export const IMAGE_ASSISTANT_APPLICATION_NAME: StringRule = {
  sources: ['ImageAssistant.add-application.--name'],
  minLength: 1,
  maxLength: 256,
  pattern: '^\\S+$',
  patternHint: 'without spaces',
};

/**
 * [cli] create-image --name: at most 100 letters, digits, '_', '.' and '-', not starting with aws,
 * appstream or amazon (in any case). For the pipeline, which names the images it makes.
 */
export const IMAGE_ASSISTANT_IMAGE_NAME: StringRule = {
  sources: ['ImageAssistant.create-image.--name'],
  minLength: 1,
  maxLength: 100,
  pattern: '^(?![Aa][Ww][Ss]|[Aa][Pp][Pp][Ss][Tt][Rr][Ee][Aa][Mm]|[Aa][Mm][Aa][Zz][Oo][Nn])[a-zA-Z0-9_.-]+$',
  patternHint: "letters, digits, '_', '.' and '-', not starting with aws, appstream or amazon",
};

/** [lib] A component's name: it names the component's folder in the builder and its messages. */
export const IMAGE_COMPONENT_NAME: StringRule = {
  sources: ['request-v1.schema.json#/$defs/component/name'],
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$',
  patternHint: "1 to 100 letters, digits, '_', '.' and '-', starting with a letter or digit",
};

/** [lib] A component's timeout, in seconds: at least one second, at most a day. */
export const IMAGE_COMPONENT_TIMEOUT_SECONDS: RangeRule = { sources: ['request-v1.schema.json#/$defs/component/timeoutSeconds'], min: 1, max: 86400 };

/** [lib] The files the agent runs on Windows, by extension; on Linux, .sh files or executables. */
export const WINDOWS_RUNNABLE_EXTENSIONS: readonly string[] = ['.ps1', '.bat', '.cmd', '.exe', '.msi'];

/**
 * [cli] The value of an option of add-application or update-default-profile (paths, display name,
 * launch parameters, profile): not empty, since an option given no value is refused.
 */
export const IMAGE_ASSISTANT_OPTION_VALUE: StringRule = {
  sources: [
    'ImageAssistant.add-application.--absolute-app-path',
    'ImageAssistant.add-application.--display-name',
    'ImageAssistant.add-application.--absolute-icon-path',
    'ImageAssistant.add-application.--absolute-manifest-path',
    'ImageAssistant.add-application.--working-directory',
    'ImageAssistant.add-application.--launch-parameters',
    'ImageAssistant.update-default-profile.--profile',
  ],
  minLength: 1,
};

/** [lib] The file a component runs, inside its folder (request-v1.schema.json: not empty). */
export const IMAGE_COMPONENT_RUN: StringRule = { sources: ['request-v1.schema.json#/$defs/asset/run'], minLength: 1 };
