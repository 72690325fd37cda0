import SearchIcon from '@mui/icons-material/Search';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-admin';
import { StatusChip } from '../accountStatuses';
import { useBackhaulDataProvider } from '../dataProvider';
import { Permissions, useHasPermission } from '../permissions';
import type { SearchResult } from '../types';

const DEBOUNCE_MS = 300;

const matchedLabel: Record<SearchResult['matched'], string> = {
  id: 'account ID',
  invoice: 'invoice',
  customField: 'custom field',
  name: 'account name',
  contact: 'contact name',
  email: 'email',
  phone: 'phone',
  address: 'service address',
};

/** Finds accounts by id, invoice number, unique custom field value, name, contact, email, phone or address; Enter or a click opens the account. */
const GlobalSearchBox = () => {
  const dataProvider = useBackhaulDataProvider();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<SearchResult[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const q = input.trim();
    if (q === '') {
      setOptions([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      dataProvider
        .searchAccounts(q, controller.signal)
        .then((results) => setOptions(results.slice(0, 20)))
        .catch(() => {
          if (!controller.signal.aborted) setOptions([]);
        })
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input]);

  return (
    <Autocomplete<SearchResult, false, false, false>
      options={options}
      loading={loading}
      autoHighlight
      filterOptions={(all) => all}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(a, b) => a.accountId === b.accountId}
      inputValue={input}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      value={null}
      onChange={(_event, option) => {
        if (!option) return;
        setInput('');
        setOptions([]);
        navigate(`/accounts/${option.accountId}/show`);
      }}
      noOptionsText={input.trim() ? 'No accounts found' : 'Type to search'}
      sx={{ width: { xs: 200, sm: 320 }, mx: 2 }}
      slotProps={{ popper: { sx: { minWidth: 360 } } }}
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="body2" noWrap>
              {option.name}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                #{option.accountId}
              </Typography>
            </Typography>
            <Typography variant="caption" color="text.secondary">
              Matched {matchedLabel[option.matched] ?? option.matched}
              {option.matchedText ? ` ${option.matchedText}` : ''}
            </Typography>
          </Box>
          <StatusChip name={option.status.name} color={option.status.color} />
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          variant="outlined"
          margin="none"
          placeholder="Search accounts"
          aria-label="Search accounts"
          slotProps={{
            input: {
              ...params.InputProps,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon sx={{ color: 'inherit' }} />
                </InputAdornment>
              ),
            },
          }}
          sx={(theme) => ({
            '& .MuiInputBase-root': { color: 'inherit', bgcolor: alpha(theme.palette.common.white, 0.15), py: 0 },
            '& .MuiInputBase-input::placeholder': { color: 'inherit', opacity: 0.8 },
            '& .MuiAutocomplete-popupIndicator, & .MuiAutocomplete-clearIndicator': { color: 'inherit' },
            '& .MuiOutlinedInput-notchedOutline': { borderColor: alpha(theme.palette.common.white, 0.3) },
          })}
        />
      )}
    />
  );
};

export const GlobalSearch = () => (useHasPermission(Permissions.AccountsRead) ? <GlobalSearchBox /> : null);
