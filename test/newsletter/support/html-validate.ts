/**
 * html-validate's recommended rules, less those email forbids us to follow: email clients
 * need inline styles, layout tables with their old attributes and `role="presentation"`,
 * and Outlook's conditional comments; MJML writes its doctype in lower case and wraps the
 * body in `role="article"`.
 */
import type { ConfigData } from 'html-validate';

export const EMAIL_HTML_VALIDATE: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': 'off',
    'no-deprecated-attr': 'off',
    'no-conditional-comment': 'off',
    'presentation-role-style': 'off',
    'doctype-style': 'off',
    'prefer-native-element': ['error', { exclude: ['article'] }],
  },
};
