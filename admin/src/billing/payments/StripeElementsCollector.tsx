import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Box from '@mui/material/Box';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { toApiProblem, useBackhaulDataProvider } from '../../dataProvider';
import type { PaymentMethodCollectorProps } from './paymentMethodCollector';

// Stripe.js is loaded from js.stripe.com once a session, and only when a dialog needs it.
const stripes = new Map<string, Promise<Stripe | null>>();
const stripeFor = (publishableKey: string) => {
  if (!stripes.has(publishableKey)) stripes.set(publishableKey, loadStripe(publishableKey));
  return stripes.get(publishableKey) as Promise<Stripe | null>;
};

/** Inside <Elements>: confirms the SetupIntent when the dialog saves and hands back the method Stripe made. */
const ConfirmSetup = ({ clientSecret, onReady }: { clientSecret: string; onReady: PaymentMethodCollectorProps['onReady'] }) => {
  const stripe = useStripe();
  const elements = useElements();
  useEffect(() => () => onReady(null), [onReady]);
  return (
    <PaymentElement
      onChange={(event) => {
        if (!event.complete || !stripe || !elements) return onReady(null);
        onReady(async () => {
          const submitted = await elements.submit();
          if (submitted.error) throw new Error(submitted.error.message ?? 'The details are not complete');
          const { setupIntent, error } = await stripe.confirmSetup({ elements, clientSecret, redirect: 'if_required' });
          if (error) throw new Error(error.message ?? 'Stripe could not save these details');
          const method = setupIntent?.payment_method;
          if (!method) throw new Error('Stripe did not return a payment method');
          return typeof method === 'string' ? method : method.id;
        });
      }}
    />
  );
};

/**
 * Stripe's Payment Element on a SetupIntent for the account's Stripe customer: the numbers
 * go from the browser to Stripe only, and Stripe hands back the method, already attached.
 */
export const StripeElementsCollector = ({
  accountId,
  type,
  onReady,
  publishableKey,
}: PaymentMethodCollectorProps & { publishableKey: string }) => {
  const dataProvider = useBackhaulDataProvider();
  // A fresh SetupIntent each time the dialog opens; its secret is never cached beyond it.
  const setup = useQuery({
    queryKey: ['setup-intent', accountId, type],
    queryFn: () => dataProvider.createSetupIntent(accountId, type),
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });
  if (setup.error) return <Alert severity="error">{toApiProblem(setup.error).message}</Alert>;
  if (!setup.data) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 2 }}>
        <CircularProgress size={24} aria-label="Loading Stripe" />
      </Box>
    );
  }
  return (
    <Box sx={{ pt: 1 }}>
      <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret: setup.data.clientSecret }}>
        <ConfirmSetup clientSecret={setup.data.clientSecret} onReady={onReady} />
      </Elements>
    </Box>
  );
};
