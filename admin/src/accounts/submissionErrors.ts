import { HttpError } from 'react-admin';

/**
 * For a react-admin <Form onSubmit>: the API's field errors (the dataProvider
 * put them in body.errors) go back to the form; anything else is rethrown for
 * the caller to notify.
 */
export const toSubmissionErrors = (error: unknown): Record<string, unknown> => {
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'errors' in error.body) {
    return (error.body as { errors: Record<string, unknown> }).errors;
  }
  throw error;
};

export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong; please try again';
